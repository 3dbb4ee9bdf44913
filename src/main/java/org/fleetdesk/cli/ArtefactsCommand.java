package org.fleetdesk.cli;

import java.nio.file.Path;
import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.Sha256;
import org.fleetdesk.api.Validation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "artefacts", description = "Create and manage remote update artefacts.",
        subcommands = {ArtefactsCommand.ListArtefacts.class, ArtefactsCommand.Create.class, ArtefactsCommand.Delete.class},
        footer = {"%nExample:", "  fleetdesk artefacts create --name kiosk-v1.0 \\",
                "      --uri https://example.com/kiosk-v1.0.tar.zst --file kiosk-v1.0.tar.zst"})
final class ArtefactsCommand {
    @Command(name = "list", description = "List artefacts, sorted by name.",
            footer = {"%nExample:", "  fleetdesk artefacts list --name kiosk"})
    static final class ListArtefacts extends ApiCommand {
        @Option(names = "--name", paramLabel = "PREFIX", description = "Only artefacts whose name starts with this"
                + " (case-insensitive).")
        String namePrefix;

        @Mixin
        PagingOptions paging;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            List<Artefact> artefacts = paging.fetch(client,
                    (page, perPage) -> client.listArtefacts(namePrefix, page, perPage), err());
            output.printer(out()).list(artefacts, Views::artefacts, "artefacts");
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Create an artefact: where devices download it and its SHA-256 checksum,"
            + " given or computed from the file.",
            footer = {"%nExamples:", "  fleetdesk artefacts create --name kiosk-v1.0 \\",
                    "      --uri https://example.com/kiosk-v1.0.tar.zst --file kiosk-v1.0.tar.zst",
                    "  fleetdesk artefacts create --name kiosk-v1.0 \\",
                    "      --uri https://example.com/kiosk-v1.0.tar.zst \\",
                    "    --checksum d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6"})
    static final class Create extends ApiCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name in the organisation.")
        String name;

        @Option(names = "--uri", required = true, paramLabel = "URI", description = "https:// address devices download it from.")
        String uri;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Checksum checksum;

        @Mixin
        OutputOptions output;

        static final class Checksum {
            @Option(names = "--checksum", required = true, paramLabel = "HEX", description = "SHA-256 of the artefact, 64 hex digits.")
            String hex;

            @Option(names = "--file", required = true, paramLabel = "PATH", description = "Compute the SHA-256 from this file.")
            Path file;
        }

        @Override
        protected int run(ConnectClient client) {
            Validation.requireNotBlank(name, "Name");
            Validation.requireHttpsUri(uri);
            String sha256 = checksum.file != null ? Sha256.hexOfFile(checksum.file) : checksum.hex;
            output.printer(out()).one(client.createArtefact(new NewArtefact(name, uri, sha256)), Views::artefact);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete artefacts (the API refuses artefacts that have been deployed).",
            footer = {"%nExample:", "  fleetdesk artefacts delete ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a --yes"})
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Artefact IDs.")
        List<String> ids;

        @Mixin
        ConfirmOptions confirm;

        @Override
        protected int run(ConnectClient client) {
            return Deletion.deleteEach(this, confirm, ids, "artefact", client::deleteArtefact);
        }
    }
}
