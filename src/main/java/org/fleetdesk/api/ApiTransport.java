package org.fleetdesk.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one API request through the shared limiter, retries it when that is safe, and turns every failure into the
 * typed exception. Idempotent requests (GET, DELETE, PUT) are retried after a connection failure, a 5xx or a 429;
 * POST and PATCH only when the connection failed before a byte of the request was written.
 */
final class ApiTransport {
    /** Built from the bare type so that OkHttp sends exactly {@code application/json}: what the signature covers. */
    static final MediaType JSON = MediaType.get("application/json");
    static final String ACCEPT = "application/json";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "DELETE", "PUT");
    private static final byte[] EMPTY = new byte[0];

    record Answer(int status, byte[] body) {
    }

    private record Exchange(int status, String contentType, String retryAfter, String location, byte[] body) {
    }

    private final OkHttpClient http;
    private final String authorization;
    private final String userAgent;
    private final RequestLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final ChangeObserver changeObserver;
    private final FailedAttempts failedAttempts;

    ApiTransport(OkHttpClient http, String authorization, String userAgent, RequestLimiter limiter, RetryPolicy retryPolicy,
                 ChangeObserver changeObserver, FailedAttempts failedAttempts) {
        this.http = http;
        this.authorization = authorization;
        this.userAgent = userAgent;
        this.limiter = limiter;
        this.retryPolicy = retryPolicy;
        this.changeObserver = changeObserver;
        this.failedAttempts = failedAttempts;
    }

    /** Sends {@code method url} with an optional JSON body; returns the 2xx answer or throws the typed exception. */
    Answer send(String method, HttpUrl url, byte[] jsonBody, Map<String, String> extraHeaders) {
        if (method.equals("GET")) {
            return sendWithRetries(method, url, jsonBody, extraHeaders);
        }
        try {
            Answer answer = sendWithRetries(method, url, jsonBody, extraHeaders);
            changeObserver.changed(method, url.encodedPath(), jsonBody, answer.status(), answer.body(), null);
            return answer;
        } catch (ApiException failure) {
            changeObserver.changed(method, url.encodedPath(), jsonBody, failure.status(), null, failure);
            throw failure;
        }
    }

    private Answer sendWithRetries(String method, HttpUrl url, byte[] jsonBody, Map<String, String> extraHeaders) {
        Request request = build(method, url, jsonBody, extraHeaders);
        boolean idempotent = IDEMPOTENT.contains(method);
        for (int attempt = 1; ; attempt++) {
            SendTracker tracker = new SendTracker();
            ApiException failure;
            boolean retryable;
            long retryAfterMillis = RetryAfter.ABSENT;
            try {
                Exchange exchange = exchange(request.newBuilder().tag(SendTracker.class, tracker).build());
                if (exchange.status() >= 200 && exchange.status() < 300) {
                    return new Answer(exchange.status(), exchange.body());
                }
                if (exchange.status() >= 300 && exchange.status() < 400) {
                    throw redirect(exchange, url);
                }
                failedAttempts.answered(exchange.status());
                retryAfterMillis = RetryAfter.millis(exchange.retryAfter(), Instant.now());
                failure = ApiException.forStatus(exchange.status(),
                        ErrorBodies.serverMessage(exchange.contentType(), exchange.body()), retryAfterMillis);
                retryable = idempotent && (exchange.status() == 429 || exchange.status() >= 500);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelled();
                }
                failedAttempts.connectionFailed();
                failure = network(method, url, e, tracker.started(), idempotent, attempt);
                retryable = (idempotent || !tracker.started()) && !(failure instanceof CertificateRefusedException);
            }
            if (!retryable || attempt >= retryPolicy.maxAttempts()
                    || retryAfterMillis > retryPolicy.maxRetryAfter().toMillis()) {
                throw failure;
            }
            waitBeforeRetry(attempt, retryAfterMillis);
        }
    }

    private Request build(String method, HttpUrl url, byte[] jsonBody, Map<String, String> extraHeaders) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT);
        extraHeaders.forEach(builder::header);
        RequestBody body = jsonBody != null ? RequestBody.create(jsonBody, JSON)
                : method.equals("PUT") ? RequestBody.create(EMPTY) : null;
        return builder.method(method, body).build();
    }

    private Exchange exchange(Request request) throws IOException {
        RequestLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        try (permit; Response response = http.newCall(request).execute()) {
            return new Exchange(response.code(), response.header("Content-Type"), response.header("Retry-After"),
                    response.header("Location"), response.body().bytes());
        }
    }

    private void waitBeforeRetry(int attempt, long retryAfterMillis) {
        if (retryAfterMillis >= 0) {
            limiter.pauseFor(Duration.ofMillis(retryAfterMillis));
        }
        try {
            Thread.sleep(retryPolicy.delayBefore(attempt, retryAfterMillis).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private static ApiException redirect(Exchange exchange, HttpUrl url) {
        return new ApiException(exchange.status(), null, "The API answered HTTP " + exchange.status() + " with a redirect to "
                + exchange.location() + " instead of an answer: check the API URL (" + origin(url) + ").", null);
    }

    private static NetworkException network(String method, HttpUrl url, IOException e, boolean started,
                                            boolean idempotent, int attempts) {
        String where = origin(url);
        String certificate = TlsFailures.certificateProblem(e, url);
        if (certificate != null) {
            return new CertificateRefusedException("Refused the secure connection to " + where + ": " + certificate
                    + " Nothing was sent.", e);
        }
        String what;
        if (e instanceof UnknownHostException) {
            what = "cannot find the host " + url.host();
        } else if (e instanceof ConnectException) {
            what = "cannot connect to " + where;
        } else if (e instanceof SocketTimeoutException) {
            what = "no answer from " + where + " in time";
        } else if (e instanceof SSLException) {
            what = "the secure connection to " + where + " failed (" + e.getMessage() + ")";
        } else {
            what = "the connection to " + where + " failed (" + e.getMessage() + ")";
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        String consequence = !started ? " Nothing was sent."
                : idempotent ? "" : " The " + method + " request may have reached the server: check the result before repeating it.";
        return new NetworkException("Network failure: " + what + tries + "." + consequence
                + " Check the network connection and the API URL.", started, e);
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    private static CancellationException cancelled() {
        return new CancellationException("Cancelled while talking to the API.");
    }
}
