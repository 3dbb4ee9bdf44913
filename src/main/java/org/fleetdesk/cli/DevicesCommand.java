package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "devices", description = "List and delete the organisation's devices.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.DeleteDevices.class},
        footer = {"%nExample:", "  fleetdesk devices list --query 'model:5 tag:kiosk'"})
final class DevicesCommand {
    @Command(name = "list", description = "List devices, all pages unless --page is given.",
            footer = {"%nExamples:", "  fleetdesk devices list --query 'model:3b+ tag:production dashboard'",
                    "  fleetdesk devices list --format json | jq -r '.[].id'"})
    static final class ListDevices extends ApiCommand {
        @Option(names = "--query", paramLabel = "Q",
                description = "Search as in the dashboard: free text plus model:, memory:, os: and tag: qualifiers.")
        String query;

        @Mixin
        PagingOptions paging;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            List<Device> devices = paging.fetch(client, (page, perPage) -> client.listDevices(query, page, perPage), err());
            output.printer(out()).list(devices, Views::devices, "devices");
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete devices and sign them out of Raspberry Pi Connect.",
            footer = {"%nExample:", "  fleetdesk devices delete 69739b44-ebb2-468e-9e24-08126dec4925 --yes"})
    static final class DeleteDevices extends ApiCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Device IDs.")
        List<String> ids;

        @Mixin
        ConfirmOptions confirm;

        @Override
        protected int run(ConnectClient client) {
            return Deletion.deleteEach(this, confirm, ids, "device", client::deleteDevice);
        }
    }
}
