package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.AuthKeyUpdate;
import org.fleetdesk.api.ConnectClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "auth-keys", description = "Create and manage auth keys that link devices to the organisation.",
        subcommands = {AuthKeysCreateCommand.class, AuthKeysCommand.ListKeys.class, AuthKeysCommand.Show.class,
                AuthKeysCommand.Update.class, AuthKeysCommand.Delete.class},
        footer = {"%nExamples:", "  fleetdesk auth-keys create --description pi5-001 --tag kiosk",
                "  fleetdesk auth-keys create --names 'pi5-{001..250}' --out-dir keys/"})
final class AuthKeysCommand {
    @Command(name = "list", description = "List auth keys: usable first, then expired, then exchanged.",
            footer = {"%nExample:", "  fleetdesk auth-keys list --format json"})
    static final class ListKeys extends ApiCommand {
        @Mixin
        PagingOptions paging;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            List<AuthKey> keys = paging.fetch(client, client::listAuthKeys, err());
            output.printer(out()).list(keys, Views::authKeys, "auth keys");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one auth key.",
            footer = {"%nExample:", "  fleetdesk auth-keys show 096ce472-2cbd-412a-8295-6c03a1a07ba4"})
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Auth key ID.")
        String id;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            output.printer(out()).one(client.getAuthKey(id), Views::authKey);
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", description = "Change an auth key's description, device name or tags"
            + " (not possible once it has expired or been exchanged).",
            footer = {"%nExample:", "  fleetdesk auth-keys update 096ce472-2cbd-412a-8295-6c03a1a07ba4 \\",
                    "      --tag kiosk --tag leeds"})
    static final class Update extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Auth key ID.")
        String id;

        @Option(names = "--description", paramLabel = "TEXT", description = "New description.")
        String description;

        @Option(names = "--device-name", paramLabel = "NAME", description = "New device name.")
        String deviceName;

        @Mixin
        TagUpdateOptions tags;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            AuthKey key = client.updateAuthKey(id, new AuthKeyUpdate(description, deviceName, tags.forUpdate()));
            output.printer(out()).one(key, Views::authKey);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete auth keys (a device already linked with one stays linked).",
            footer = {"%nExample:", "  fleetdesk auth-keys delete 096ce472-2cbd-412a-8295-6c03a1a07ba4 --yes"})
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Auth key IDs.")
        List<String> ids;

        @Mixin
        ConfirmOptions confirm;

        @Override
        protected int run(ConnectClient client) {
            return Deletion.deleteEach(this, confirm, ids, "auth key", client::deleteAuthKey);
        }
    }
}
