package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.DeviceIdentityUpdate;
import org.fleetdesk.provision.IdentityDigests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "identities", description = "Register and manage device identities (devices that sign in with their own key).",
        subcommands = {IdentitiesRegisterCommand.class, IdentitiesCommand.PayloadDigest.class,
                IdentitiesCommand.ListIdentities.class, IdentitiesCommand.Show.class, IdentitiesCommand.Update.class,
                IdentitiesCommand.Delete.class},
        footer = {"%nExamples:", "  fleetdesk identities register --public-key pi5-001.pub \\",
                "      --description pi5-001 --private-key pi5-001.pem",
                "  fleetdesk identities register --folder keys/ --private-keys keys/"})
final class IdentitiesCommand {
    @Command(name = "payload-digest", description = {"Print the SHA-256 digest that the device must sign for exactly the"
            + " request 'identities register' sends with the same options, API URL and token. Only the digest leaves"
            + " this machine, never the token.",
            "With --folder or --csv, print CSV name,sha256 for every identity: sign each on its device and give the"
                    + " rows name,signature to 'register --signatures'."},
            footer = {"%nExamples:", "  fleetdesk identities payload-digest --public-key pi5-001.pub \\",
                    "      --description pi5-001 --tag kiosk > pi5-001.digest",
                    "  fleetdesk identities payload-digest --folder keys/ --tag kiosk > digests.csv"})
    static final class PayloadDigest extends ApiCommand {
        @Mixin
        IdentityOptions identity;

        @Mixin
        IdentitySourceOptions sources;

        @Override
        protected int run(ConnectClient client) {
            if (sources.isBulk()) {
                sources.requireNoSingle(identity);
                out().print(IdentityDigests.toCsv(IdentityDigests.of(client, sources.entries(identity.forCreate()))));
                out().flush();
                err().println("Sign each digest on its device (ECDSA P-256, DER, Base64), collect the rows"
                        + " name,signature, then run 'fleetdesk identities register' with the same options and"
                        + " --signatures FILE.");
                return ExitCodes.OK;
            }
            out().println(client.prepareDeviceIdentity(identity.identity()).payloadSha256Hex());
            out().flush();
            err().println("Sign this digest with the device's key (ECDSA P-256, DER, Base64), then run 'fleetdesk"
                    + " identities register' with the same options and --signature.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List device identities, sorted by description.",
            footer = {"%nExample:", "  fleetdesk identities list --format json"})
    static final class ListIdentities extends ApiCommand {
        @Mixin
        PagingOptions paging;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            List<DeviceIdentity> identities = paging.fetch(client, client::listDeviceIdentities, err());
            output.printer(out()).list(identities, Views::identities, "device identities");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one device identity.",
            footer = {"%nExample:", "  fleetdesk identities show 096ce472-2cbd-412a-8295-6c03a1a07ba4"})
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Device identity ID.")
        String id;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            output.printer(out()).one(client.getDeviceIdentity(id), Views::identity);
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", description = "Change a device identity's description, device name or tags (once the"
            + " identity has been exchanged, only the description is applied).",
            footer = {"%nExample:", "  fleetdesk identities update 096ce472-2cbd-412a-8295-6c03a1a07ba4 \\",
                    "      --description shop-12"})
    static final class Update extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Device identity ID.")
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
            DeviceIdentity updated = client.updateDeviceIdentity(id,
                    new DeviceIdentityUpdate(description, deviceName, tags.forUpdate()));
            output.printer(out()).one(updated, Views::identity);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete device identities; a device that signed in with one is deleted and"
            + " signed out too.",
            footer = {"%nExample:", "  fleetdesk identities delete 096ce472-2cbd-412a-8295-6c03a1a07ba4"})
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Device identity IDs.")
        List<String> ids;

        @Mixin
        ConfirmOptions confirm;

        @Override
        protected int run(ConnectClient client) {
            return Deletion.deleteEach(this, confirm, ids, "device identity", client::deleteDeviceIdentity);
        }
    }
}
