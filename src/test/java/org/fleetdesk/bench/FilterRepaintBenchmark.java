package org.fleetdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.fleetdesk.api.Device;
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
 * Filter-to-repaint on 100,000 devices under Monocle, on the FX thread: from a new query string to the Devices
 * screen's table holding the new result with a CSS and layout pass done (the visible rows rebuilt).
 * <p>
 * Three ways to filter feed the same table: Fleetdesk's in-memory {@link FleetIndex}; the baseline of a linear scan
 * of the cached fleet with {@link QueryMatcher}; and the SQLite cache's query ({@link FleetStore#search}). A fourth
 * column is the screen end to end ({@link DevicesScreen#showQuery}: parse, chips, view-model, table). Engines are
 * interleaved within each round so that machine load hits them alike, and each measured update starts from the previous
 * query's result on screen, so the visible rows really change. The 150 ms typing pause is not included.
 * Prints medians (filter alone, and filter-to-repaint) per query and overall, and the ratios. Run with
 * {@code mvn -o -Pbench test -Dtest=FilterRepaintBenchmark}.
 */
@Tag("bench")
class FilterRepaintBenchmark {
    private static final int DEVICES = 100_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 11;
    /** Someone typing a search, then a few structured queries, then clearing it. */
    private static final List<String> QUERIES = List.of("k", "ki", "kio", "kios", "kiosk", "kiosk-l", "kiosk-leeds",
            "tag:production", "model:5", "model:5 memory:8gb", "model:5 lee", "os:raspios-13 tag:canary",
            "tag:production tag:kiosk leeds", "e", "");
    private static final String SCREEN = "screen";

    @Test
    void measure() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (SimSessionFixture fixture = SimSessionFixture.startWithoutSync(DEVICES, 42, new FxTaskExecutor(2))) {
            FleetStore store = fixture.session().store();
            long indexing = System.nanoTime();
            FleetIndex index = store.index();
            System.out.printf(Locale.ROOT, "building the in-memory index of %,d devices (off the FX thread): %d ms%n",
                    DEVICES, (System.nanoTime() - indexing) / 1_000_000);
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
            Map<String, Function<String, List<Device>>> engines = new LinkedHashMap<>();
            engines.put("FleetIndex", query -> index.matching(QueryParser.parse(query), DeviceSort.BY_NAME));
            engines.put("QueryMatcher", query -> {
                QueryMatcher matcher = QueryMatcher.of(QueryParser.parse(query));
                List<Device> found = new ArrayList<>();
                for (Device device : byName) {
                    if (matcher.test(device)) {
                        found.add(device);
                    }
                }
                return found;
            });
            engines.put("SQLite", query -> store.search(QueryParser.parse(query), DeviceSort.BY_NAME, 0, DEVICES));

            Map<String, long[][]> filter = new LinkedHashMap<>();
            Map<String, long[][]> repaint = new LinkedHashMap<>();
            for (String name : List.of("FleetIndex", "QueryMatcher", "SQLite", SCREEN)) {
                filter.put(name, new long[QUERIES.size()][ROUNDS]);
                repaint.put(name, new long[QUERIES.size()][ROUNDS]);
            }
            for (int round = -WARM_UP; round < ROUNDS; round++) {
                for (int q = 0; q < QUERIES.size(); q++) {
                    String query = QUERIES.get(q);
                    String previous = QUERIES.get((q + QUERIES.size() - 1) % QUERIES.size());
                    int r = round;
                    int qi = q;
                    for (Map.Entry<String, Function<String, List<Device>>> engine : engines.entrySet()) {
                        onFxThread(() -> show(table, root, engines.get("FleetIndex").apply(previous)));
                        onFxThread(() -> {
                            long start = System.nanoTime();
                            List<Device> found = engine.getValue().apply(query);
                            long filtered = System.nanoTime();
                            table.setItems(FXCollections.observableList(found));
                            root.applyCss();
                            root.layout();
                            record(filter, repaint, engine.getKey(), qi, r, filtered - start, System.nanoTime() - start);
                        });
                    }
                    onFxThread(() -> {
                        screen[0].showQuery(previous);
                        root.applyCss();
                        root.layout();
                    });
                    onFxThread(() -> {
                        long start = System.nanoTime();
                        screen[0].showQuery(query);
                        root.applyCss();
                        root.layout();
                        record(filter, repaint, SCREEN, qi, r, 0, System.nanoTime() - start);
                    });
                }
            }
            print(index, filter, repaint);
            FxToolkit.hideStage();
        }
    }

    /** Puts the previous query's result on screen first, so every measured update changes the visible rows. */
    private static void show(TableView<Device> table, Parent root, List<Device> devices) {
        table.setItems(FXCollections.observableList(devices));
        root.applyCss();
        root.layout();
    }

    private static void record(Map<String, long[][]> filter, Map<String, long[][]> repaint, String engine, int query,
                               int round, long filterNanos, long repaintNanos) {
        if (round >= 0) {
            filter.get(engine)[query][round] = filterNanos;
            repaint.get(engine)[query][round] = repaintNanos;
        }
    }

    private static void print(FleetIndex index, Map<String, long[][]> filter, Map<String, long[][]> repaint) {
        System.out.printf(Locale.ROOT, "%nmedians of %d rounds on %,d devices, in ms: filter alone | filter-to-repaint"
                + " (table updated, CSS and layout done)%n", ROUNDS, DEVICES);
        System.out.printf(Locale.ROOT, "%-32s %7s | %9s %9s %9s | %9s %9s %9s | %9s%n", "query", "matches",
                "FleetIdx", "scan", "SQLite", "FleetIdx", "scan", "SQLite", "screen");
        Map<String, long[]> filterMedians = new LinkedHashMap<>();
        Map<String, long[]> repaintMedians = new LinkedHashMap<>();
        filter.forEach((engine, times) -> filterMedians.put(engine, mediansPerQuery(times)));
        repaint.forEach((engine, times) -> repaintMedians.put(engine, mediansPerQuery(times)));
        for (int q = 0; q < QUERIES.size(); q++) {
            System.out.printf(Locale.ROOT, "%-32s %7d | %9.2f %9.2f %9.2f | %9.2f %9.2f %9.2f | %9.2f%n",
                    "\"" + QUERIES.get(q) + "\"", index.count(QueryParser.parse(QUERIES.get(q))),
                    ms(filterMedians.get("FleetIndex")[q]), ms(filterMedians.get("QueryMatcher")[q]),
                    ms(filterMedians.get("SQLite")[q]), ms(repaintMedians.get("FleetIndex")[q]),
                    ms(repaintMedians.get("QueryMatcher")[q]), ms(repaintMedians.get("SQLite")[q]),
                    ms(repaintMedians.get(SCREEN)[q]));
        }
        double[] f = {ms(median(filterMedians.get("FleetIndex"))), ms(median(filterMedians.get("QueryMatcher"))),
                ms(median(filterMedians.get("SQLite")))};
        double[] p = {ms(median(repaintMedians.get("FleetIndex"))), ms(median(repaintMedians.get("QueryMatcher"))),
                ms(median(repaintMedians.get("SQLite"))), ms(median(repaintMedians.get(SCREEN)))};
        System.out.printf(Locale.ROOT, "%-32s %7s | %9.2f %9.2f %9.2f | %9.2f %9.2f %9.2f | %9.2f%n",
                "median over queries", "", f[0], f[1], f[2], p[0], p[1], p[2], p[3]);
        System.out.printf(Locale.ROOT, "filter alone: scan / FleetIndex = %.0fx, SQLite / FleetIndex = %.0fx%n",
                f[1] / f[0], f[2] / f[0]);
        System.out.printf(Locale.ROOT, "filter-to-repaint: scan / FleetIndex = %.1fx, SQLite / FleetIndex = %.1fx;"
                + " slowest query on the screen end to end: %.2f ms (a 60 Hz frame is 16.7 ms)%n", p[1] / p[0],
                p[2] / p[0], ms(Arrays.stream(repaintMedians.get(SCREEN)).max().orElse(0)));
    }

    private static long[] mediansPerQuery(long[][] times) {
        return Arrays.stream(times).mapToLong(FilterRepaintBenchmark::median).toArray();
    }

    private interface FxWork {
        void run() throws Exception;
    }

    private static void onFxThread(FxWork work) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            work.run();
            return null;
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
