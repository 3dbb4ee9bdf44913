package org.fleetdesk.api;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Remembers whether OkHttp began writing a request, which decides whether a failed POST may have reached the server.
 * Attached to each request as a tag; the event listener marks it.
 */
final class SendTracker {
    static final EventListener.Factory LISTENER = call -> new EventListener() {
        @Override
        public void requestHeadersStart(Call c) {
            SendTracker tracker = c.request().tag(SendTracker.class);
            if (tracker != null) {
                tracker.sent = true;
            }
        }
    };

    private volatile boolean sent;

    boolean started() {
        return sent;
    }
}
