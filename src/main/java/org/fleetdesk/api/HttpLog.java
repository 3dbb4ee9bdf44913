package org.fleetdesk.api;

import java.io.IOException;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each exchange at TRACE (method, URL, status, time, headers) with the {@code Authorization} value redacted:
 * the token never reaches a log.
 */
final class HttpLog implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("org.fleetdesk.api.http");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isTraceEnabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        LOG.trace("--> {} {} {}", request.method(), request.url(), redacted(request.headers()));
        try {
            Response response = chain.proceed(request);
            LOG.trace("<-- {} {} {} ({} ms)", response.code(), request.method(), request.url(),
                    (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.trace("<-- failed {} {}: {}", request.method(), request.url(), e.toString());
            throw e;
        }
    }

    static String redacted(Headers headers) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = name.toLowerCase(Locale.ROOT).equals("authorization");
            out.append(i == 0 ? "" : ", ").append(name).append(": ").append(secret ? "<redacted>" : headers.value(i));
        }
        return out.append(']').toString();
    }
}
