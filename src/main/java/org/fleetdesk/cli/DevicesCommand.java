package org.fleetdesk.cli;

import org.fleetdesk.store.CacheAges;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryValidator;
import org.fleetdesk.query.QueryWarning;
import org.fleetdesk.store.CachedResource;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.SyncState;
import org.fleetdesk.sync.FleetSync;
import org.fleetdesk.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "devices", description = "List, sync and delete the organisation's devices.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.SyncDevices.class,
                DevicesCommand.DeleteDevices.class},
        footer = {"%nExample:", "  fleetdesk devices list --query 'model:5 tag:kiosk'"})
final class DevicesCommand {
    /** The output formats of {@code devices list}. */
    enum ListFormat {
        TABLE, JSON, CSV
    }

    @Command(name = "list", description = {"List devices: all pages unless --page is given.",
            "Online (the default), the API answers the query; with --offline, the local cache does (run"
                    + " 'fleetdesk devices sync' first), with the same search language and the same answers."},
            footer = {"%nExamples:", "  fleetdesk devices list --query 'model:3b+ tag:production dashboard'",
                    "  fleetdesk devices list --format json | jq -r '.[].id'",
                    "  fleetdesk devices list --offline --query 'tag:kiosk \"point of sale\"' --format csv"})
    static final class ListDevices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--query", paramLabel = "Q",
                description = "Search as in the dashboard: free text plus model:, memory:, os: and tag: qualifiers.")
        String query;

        @Option(names = "--offline", description = "Answer from the local cache, without asking the API; says how old"
                + " the cache is on stderr.")
        boolean offline;

        @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
                description = "table (default): aligned columns; json: the API's own objects in a JSON array; csv:"
                        + " one line per device under a header of the API's field names.")
        ListFormat format;

        @Mixin
        PagingOptions paging;

        @Override
        public Integer call() {
            CliEnvironment environment = ((FleetdeskCommand) spec.root().userObject()).environment();
            for (QueryWarning warning : QueryValidator.validate(query)) {
                err().println("Note: " + warning);
            }
            List<Device> devices = offline ? fromCache(environment) : fromApi(environment);
            switch (format) {
                case CSV -> DeviceCsv.print(devices, out());
                case JSON -> new Printer(out(), OutputFormat.JSON).list(devices, Views::devices, "devices");
                case TABLE -> new Printer(out(), OutputFormat.TABLE).list(devices, Views::devices, "devices");
            }
            return ExitCodes.OK;
        }

        private List<Device> fromApi(CliEnvironment environment) {
            try (ConnectClient client = Connection.open(Connection.resolve(connection.profile, environment),
                    environment, RequestLimiter.defaults())) {
                return paging.fetch(client, (page, perPage) -> client.listDevices(query, page, perPage), err());
            }
        }

        private List<Device> fromCache(CliEnvironment environment) {
            Path file = CacheLocation.forOffline(connection.profile, environment);
            if (!Files.exists(file)) {
                throw neverSynced(file);
            }
            try (FleetStore store = CacheLocation.openRecovering(file, err())) {
                SyncState synced = store.lastSync(CachedResource.DEVICES).orElseThrow(() -> neverSynced(file));
                err().println("Offline: answered from the local cache, " + CacheAges.synced(synced.lastFullSync(),
                        Instant.now()) + ".");
                DeviceQuery parsed = QueryParser.parse(query);
                paging.requireValid();
                if (paging.page == null) {
                    return store.search(parsed, DeviceSort.BY_NAME, 0, Integer.MAX_VALUE);
                }
                int total = store.count(parsed);
                err().println("Page " + paging.page + " of " + Math.max(1, (total + paging.perPage - 1) / paging.perPage)
                        + " (" + total + " in total).");
                long offset = (long) (paging.page - 1) * paging.perPage;
                return offset >= total ? List.of() : store.search(parsed, DeviceSort.BY_NAME, (int) offset, paging.perPage);
            }
        }

        private static InvalidInputException neverSynced(Path file) {
            return new InvalidInputException("There is no local cache for this organisation yet (" + file + "): run"
                    + " fleetdesk devices sync first, with the same --profile or FLEETDESK_TOKEN.");
        }

        private PrintWriter out() {
            return spec.commandLine().getOut();
        }

        private PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    @Command(name = "sync", description = {"Bring the local cache up to the organisation's state: devices, artefacts,"
            + " auth keys (never their secrets) and device identities, written all at once.",
            "Progress goes to stderr, the summary to stdout. If the sync fails or is interrupted, the cache keeps its"
                    + " previous content."},
            footer = {"%nThe cache is <FLEETDESK_HOME>/orgs/<profile>/cache.sqlite for a profile, and"
                    + " <FLEETDESK_HOME>/env/<host>-<key>/cache.sqlite for a connection from FLEETDESK_TOKEN alone"
                    + " (one per API URL and token).",
                    "%nExample:", "  fleetdesk devices sync && fleetdesk devices list --offline --query tag:kiosk"})
    static final class SyncDevices extends ApiCommand {
        static final int MAX_CONCURRENCY = 64;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + FleetSync.DEFAULT_CONCURRENCY,
                description = "Pages fetched at the same time, 1 to " + MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--max-rate", paramLabel = "R", defaultValue = "" + FleetSync.DEFAULT_REQUESTS_PER_SECOND,
                description = "At most R requests per second (default: ${DEFAULT-VALUE}); the sync also slows down by"
                        + " itself whenever the API answers 429.")
        double maxRate;

        @Override
        protected RequestLimiter createLimiter() {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new InvalidInputException("--concurrency " + concurrency + " is out of range: fetch between 1"
                        + " and " + MAX_CONCURRENCY + " pages at the same time.");
            }
            if (!(maxRate >= 1) || Double.isInfinite(maxRate)) {
                throw new InvalidInputException("--max-rate " + maxRate + " is out of range: allow at least 1 request"
                        + " per second.");
            }
            return RequestLimiter.create(maxRate, concurrency);
        }

        @Override
        protected int run(ConnectClient client) {
            Path file = CacheLocation.of(settings(), environment());
            try (FleetStore store = CacheLocation.openRecovering(file, err())) {
                Optional<SyncState> previous = store.lastSync(CachedResource.DEVICES);
                ProgressLine progress = new ProgressLine(err());
                SyncReport report;
                try {
                    report = new FleetSync(client, store, concurrency).syncAll(progress, () -> false);
                } catch (RuntimeException e) {
                    progress.finish();
                    err().println(previous.map(state -> "It still holds the sync of " + CacheAges.ago(
                            state.lastFullSync(), Instant.now()) + ".").orElse("It is still empty."));
                    throw e;
                }
                progress.finish();
                out().println("Synced " + report.summary() + ".");
                out().println("Cache: " + file);
                out().flush();
                return ExitCodes.OK;
            }
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
