package org.fleetdesk.sim;

import java.util.List;

/** Maps method and path to an endpoint; anything else is a 404. */
final class Router {
    private static final String ANY = "*";
    private final DeviceEndpoints devices;
    private final AuthKeyEndpoints authKeys;
    private final IdentityEndpoints identities;
    private final ArtefactEndpoints artefacts;
    private final DeploymentEndpoints deployments;
    private final DeviceSideEndpoints deviceSide;

    Router(Organisation organisation) {
        this.devices = new DeviceEndpoints(organisation);
        this.authKeys = new AuthKeyEndpoints(organisation);
        this.identities = new IdentityEndpoints(organisation);
        this.artefacts = new ArtefactEndpoints(organisation);
        this.deployments = new DeploymentEndpoints(organisation);
        this.deviceSide = new DeviceSideEndpoints(organisation);
    }

    SimResponse route(SimRequest request) {
        List<String> path = request.segments;
        String method = request.method;
        if (path.isEmpty()) {
            return notFound(request);
        }
        List<String> rest = path.subList(1, path.size());
        SimResponse response = switch (path.get(0)) {
            case "organisation" -> organisation(request, method, rest);
            case "_sim" -> deviceSide(request, method, rest);
            default -> null;
        };
        return response != null ? response : notFound(request);
    }

    private SimResponse organisation(SimRequest request, String method, List<String> path) {
        if (matches(path, "devices")) {
            return method.equals("GET") ? devices.list(request) : null;
        }
        if (matches(path, "devices", ANY)) {
            return method.equals("DELETE") ? devices.delete(path.get(1)) : null;
        }
        if (matches(path, "devices", ANY, "deployments")) {
            return switch (method) {
                case "GET" -> deployments.list(request, path.get(1));
                case "POST" -> deployments.create(request, path.get(1));
                default -> null;
            };
        }
        if (matches(path, "auth-keys")) {
            return switch (method) {
                case "GET" -> authKeys.list(request);
                case "POST" -> authKeys.create(request);
                default -> null;
            };
        }
        if (matches(path, "auth-keys", ANY)) {
            return switch (method) {
                case "GET" -> authKeys.show(path.get(1));
                case "PATCH", "PUT" -> authKeys.update(request, path.get(1));
                case "DELETE" -> authKeys.delete(path.get(1));
                default -> null;
            };
        }
        if (matches(path, "device-identities")) {
            return switch (method) {
                case "GET" -> identities.list(request);
                case "POST" -> identities.create(request);
                default -> null;
            };
        }
        if (matches(path, "device-identities", ANY)) {
            return switch (method) {
                case "GET" -> identities.show(path.get(1));
                case "PATCH", "PUT" -> identities.update(request, path.get(1));
                case "DELETE" -> identities.delete(path.get(1));
                default -> null;
            };
        }
        if (matches(path, "artefacts")) {
            return switch (method) {
                case "GET" -> artefacts.list(request);
                case "POST" -> artefacts.create(request);
                default -> null;
            };
        }
        if (matches(path, "artefacts", ANY)) {
            return method.equals("DELETE") ? artefacts.delete(path.get(1)) : null;
        }
        if (matches(path, "deployments", ANY)) {
            return method.equals("GET") ? deployments.show(path.get(1)) : null;
        }
        if (matches(path, "deployments", ANY, "cancel")) {
            return method.equals("PUT") ? deployments.cancel(path.get(1)) : null;
        }
        return null;
    }

    private SimResponse deviceSide(SimRequest request, String method, List<String> path) {
        if (matches(path, "auth-keys", "exchange") && method.equals("POST")) {
            return deviceSide.exchangeAuthKey(request);
        }
        if (matches(path, "device-identities", "exchange") && method.equals("POST")) {
            return deviceSide.exchangeIdentity(request);
        }
        if (matches(path, "clock")) {
            return switch (method) {
                case "GET" -> deviceSide.clock();
                case "POST" -> deviceSide.advanceClock(request);
                default -> null;
            };
        }
        if (matches(path, "billing")) {
            return switch (method) {
                case "GET" -> deviceSide.billing();
                case "POST" -> deviceSide.setBilling(request);
                default -> null;
            };
        }
        if (matches(path, "devices", ANY, "online") && method.equals("POST")) {
            return deviceSide.setOnline(request, path.get(1));
        }
        return null;
    }

    private static boolean matches(List<String> path, String... pattern) {
        if (path.size() != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals(ANY) && !pattern[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static SimResponse notFound(SimRequest request) {
        return SimResponse.error(404, "No such endpoint: " + request.method + " " + request.rawPath);
    }
}
