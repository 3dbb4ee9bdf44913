package org.fleetdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FleetIndex;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.SimSessionFixture;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.devices.DevicesScreen;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Filter-to-repaint on 100,000 devices under Monocle: from a new query string to the device table holding the new
 * result with a CSS and layout pass done (the rows it shows rebuilt), on the FX thread. Fleetdesk (the Devices
 * screen: parse, chips, in-memory {@link FleetIndex}, table update) against two baselines that feed the same table:
 * a linear scan of the cached fleet with {@link QueryMatcher}, and the SQLite cache's query
 * ({@link FleetStore#search}). Prints the median per query and overall, and the ratios. The 150 ms typing pause is not
 * included. Run with {@code mvn -o -Pbench test -Dtest=FilterRepaintBenchmark}.
 */
@Tag("bench")
class FilterRepaintBenchmark {
    private static final int DEVICES = 100_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 9;
    /** Someone typing a search, then a few structured queries, then clearing it. */
    private static final List<String> QUERIES = List.of("k", "ki", "kio", "kios", "kiosk", "kiosk-l", "kiosk-leeds",
            "tag:production", "model:5", "model:5 memory:8gb", "model:5 lee", "os:raspios-13 tag:canary",
            "tag:production tag:kiosk leeds", "e", "");

    private interface Filter {
        void apply(String query) throws Exception;
    }

    @Test
    void measure() throws Exception {
        FxToolkit.registerPrimaryStage();
        long setUp = System.nanoTime();
        try (SimSessionFixture fixture = SimSessionFixture.startWithoutSync(DEVICES, 42, new FxTaskExecutor(2))) {
            System.out.printf(Locale.ROOT, "simulator + cache of %,d devices: %d ms%n", DEVICES, ms(System.nanoTime() - setUp));
            FleetStore store = fixture.session().store();
            long indexing = System.nanoTime();
            FleetIndex index = store.index();
            System.out.printf(Locale.ROOT, "building the in-memory index (off the FX thread): %d ms%n",
                    ms(System.nanoTime() - indexing));
            DevicesScreen[] screen = new DevicesScreen[1];
            FxToolkit.setupStage(stage -> {
                Theme.LIGHT.apply();
                screen[0] = new DevicesScreen(fixture.session());
                Scene scene = new Scene((Parent) screen[0].view(), 1280, 800);
                scene.getStylesheets().add(Theme.appStylesheet());
                stage.setScene(scene);
                stage.show();
            });
            Parent root = (Parent) screen[0].view();
            @SuppressWarnings("unchecked")
            TableView<Device> table = (TableView<Device>) root.lookup("#device-table");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == DEVICES);
            WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);

            List<Device> byName = index.devices();
            Filter fleetdesk = query -> screen[0].showQuery(query);
            Filter linear = query -> {
                QueryMatcher matcher = QueryMatcher.of(QueryParser.parse(query));
                List<Device> found = new ArrayList<>();
                for (Device device : byName) {
                    if (matcher.test(device)) {
                        found.add(device);
                    }
                }
                table.setItems(FXCollections.observableList(found));
            };
            Filter sqlite = query -> table.setItems(FXCollections.observableList(
                    store.search(QueryParser.parse(query), DeviceSort.BY_NAME, 0, DEVICES)));

            long[][] ours = measure(fleetdesk, root);
            long[][] scan = measure(linear, root);
            long[][] sql = measure(sqlite, root);

            System.out.printf(Locale.ROOT, "%nfilter-to-repaint on %,d devices, median of %d (ms)%n", DEVICES, ROUNDS);
            System.out.printf(Locale.ROOT, "%-32s %8s %10s %14s %10s %10s %10s%n", "query", "matches", "Fleetdesk",
                    "QueryMatcher", "SQLite", "x scan", "x SQLite");
            long[] allOurs = new long[QUERIES.size()];
            long[] allScan = new long[QUERIES.size()];
            long[] allSql = new long[QUERIES.size()];
            for (int q = 0; q < QUERIES.size(); q++) {
                allOurs[q] = median(ours[q]);
                allScan[q] = median(scan[q]);
                allSql[q] = median(sql[q]);
                DeviceQuery parsed = QueryParser.parse(QUERIES.get(q));
                System.out.printf(Locale.ROOT, "%-32s %8d %10.2f %14.2f %10.2f %10.1f %10.1f%n",
                        "\"" + QUERIES.get(q) + "\"", index.count(parsed), msf(allOurs[q]), msf(allScan[q]),
                        msf(allSql[q]), (double) allScan[q] / allOurs[q], (double) allSql[q] / allOurs[q]);
            }
            long oursMedian = median(allOurs);
            System.out.printf(Locale.ROOT, "%-32s %8s %10.2f %14.2f %10.2f %10.1f %10.1f%n", "median over queries", "",
                    msf(oursMedian), msf(median(allScan)), msf(median(allSql)),
                    (double) median(allScan) / oursMedian, (double) median(allSql) / oursMedian);
            System.out.printf(Locale.ROOT, "slowest Fleetdesk query: %.2f ms (a 60 Hz frame is 16.7 ms)%n",
                    msf(Arrays.stream(allOurs).max().orElse(0)));
            FxToolkit.hideStage();
        }
    }

    /** Times of each query, each round, in nanoseconds: the filter, then CSS and layout of the whole screen. */
    private static long[][] measure(Filter filter, Parent root) throws Exception {
        long[][] times = new long[QUERIES.size()][ROUNDS];
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (int q = 0; q < QUERIES.size(); q++) {
                String query = QUERIES.get(q);
                int r = round;
                int qi = q;
                onFxThread(() -> {
                    long start = System.nanoTime();
                    filter.apply(query);
                    root.applyCss();
                    root.layout();
                    if (r >= 0) {
                        times[qi][r] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
        }
        return times;
    }

    private static void onFxThread(Callable<Void> work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double msf(long nanos) {
        return nanos / 1e6;
    }
}
