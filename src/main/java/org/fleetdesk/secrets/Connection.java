package org.fleetdesk.secrets;

/**
 * What a command or window needs to talk to an organisation: the API's address and the token. {@code profileName}
 * is null when the connection comes from the environment alone; {@code source} says in words where the token came
 * from, for messages such as "the token from FLEETDESK_TOKEN was refused". The token prints as {@code <redacted>}.
 */
public record Connection(String apiUrl, Secret token, String profileName, String source) {
}
