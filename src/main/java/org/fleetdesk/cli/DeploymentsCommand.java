package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deployments", description = "Deploy artefacts to devices and follow or cancel deployments.",
        subcommands = {DeploymentsCommand.Create.class, DeploymentsCommand.ListDeployments.class,
                DeploymentsCommand.Show.class, DeploymentsCommand.Cancel.class},
        footer = {"%nExample:", "  fleetdesk deployments create --device 69739b44-ebb2-468e-9e24-08126dec4925 \\",
                "      --artefact ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a"})
final class DeploymentsCommand {
    @Command(name = "create", description = "Deploy an artefact to a device; supersedes the device's pending deployment.",
            footer = {"%nExample:", "  fleetdesk deployments create --device 69739b44-ebb2-468e-9e24-08126dec4925 \\",
                    "      --artefact ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a --format json"})
    static final class Create extends ApiCommand {
        @Option(names = "--device", required = true, paramLabel = "ID", description = "Device ID.")
        String deviceId;

        @Option(names = "--artefact", required = true, paramLabel = "ID", description = "Artefact ID.")
        String artefactId;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            output.printer(out()).one(client.createDeployment(deviceId, artefactId), Views::deployment);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List a device's deployments, most recent first.",
            footer = {"%nExample:", "  fleetdesk deployments list --device 69739b44-ebb2-468e-9e24-08126dec4925 \\",
                    "      --state failed"})
    static final class ListDeployments extends ApiCommand {
        @Option(names = "--device", required = true, paramLabel = "ID", description = "Device ID.")
        String deviceId;

        @Option(names = "--state", paramLabel = "STATE", converter = DeploymentStateConverter.class,
                description = "Only deployments in this state: pending, in_progress, succeeded, failed or cancelled.")
        DeploymentState state;

        @Mixin
        PagingOptions paging;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            List<Deployment> deployments = paging.fetch(client,
                    (page, perPage) -> client.listDeployments(deviceId, state, page, perPage), err());
            output.printer(out()).list(deployments, Views::deployments, "deployments");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one deployment.",
            footer = {"%nExample:", "  fleetdesk deployments show fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d"})
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Deployment ID.")
        String id;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            output.printer(out()).one(client.getDeployment(id), Views::deployment);
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a pending deployment.",
            footer = {"%nExample:", "  fleetdesk deployments cancel fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d --yes"})
    static final class Cancel extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Deployment ID.")
        String id;

        @Mixin
        ConfirmOptions confirm;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            Validation.requireId(id, "Deployment");
            confirm.require("Cancel deployment " + id + "?", environment(), err());
            output.printer(out()).one(client.cancelDeployment(id), Views::deployment);
            return ExitCodes.OK;
        }
    }
}
