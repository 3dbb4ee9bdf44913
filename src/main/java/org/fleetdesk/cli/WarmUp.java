package org.fleetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.PageMeta;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads, on a second processor while the command line is parsed, what every API command needs soon after and would
 * otherwise load one after the other on the main thread: the logging configuration, the HTTP client and its TLS
 * trust store, SQLite's native library, and the JSON readers of device pages. About half a second of a short
 * command's start. Nothing here has effects a command could observe; whatever fails is left for the command to meet.
 */
final class WarmUp implements Runnable {
    private static final String DEVICE_PAGE_ITEM = "[{\"id\":\"warm-up\",\"name\":\"warm-up\",\"serial_number\":\"0\","
            + "\"tags\":[\"warm-up\"],\"board\":{\"model\":\"5\",\"revision\":\"1.0\",\"memory\":\"8GB\"},"
            + "\"os\":{\"name\":\"Raspberry Pi OS\",\"version\":\"12\"},\"kernel_architecture\":\"aarch64\","
            + "\"filters\":{\"model\":\"5\",\"memory\":\"8gb\",\"os\":\"bookworm\"}}]";
    private static final String PAGE_META = "{\"page\":1,\"per_page\":1,\"total_count\":1,\"total_pages\":1}";

    private WarmUp() {
    }

    /** Starts warming up in a daemon thread, which never delays the end of the process. */
    static void start() {
        Thread thread = new Thread(new WarmUp(), "fleetdesk-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    @Override
    public void run() {
        try {
            LoggerFactory.getILoggerFactory();
            HttpUrl.get(ConnectClient.DEFAULT_BASE_URL);
            new OkHttpClient.Builder().build();
            SQLiteJDBCLoader.initialize();
            Json.mapper().readerForListOf(Device.class).readValue(DEVICE_PAGE_ITEM);
            Json.mapper().readValue(PAGE_META, PageMeta.class);
        } catch (JsonProcessingException | RuntimeException | Error e) {
            // The command that needs the failing part reports it, with its own message.
        } catch (Exception e) {
            // SQLiteJDBCLoader.initialize declares Exception; as above.
        }
    }
}
