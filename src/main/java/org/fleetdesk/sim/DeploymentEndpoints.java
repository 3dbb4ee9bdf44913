package org.fleetdesk.sim;

import java.util.List;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;

/** Deployments: create and list under a device, show and cancel under {@code /organisation/deployments}. */
final class DeploymentEndpoints {
    private final Organisation organisation;

    DeploymentEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse create(SimRequest request, String deviceId) {
        return SimResponse.created(organisation.createDeployment(deviceId, request.params().string("artefact_id")));
    }

    SimResponse list(SimRequest request, String deviceId) {
        Pagination pagination = Pagination.of(request);
        List<Deployment> deployments = organisation.listDeployments(deviceId, state(request.queryParam("state")));
        List<byte[]> items = pagination.slice(deployments).stream().map(ApiJson::bytes).toList();
        return SimResponse.ok(ApiJson.page("deployments", items, pagination.meta(deployments.size())));
    }

    SimResponse show(String id) {
        return SimResponse.ok(organisation.deployment(id));
    }

    SimResponse cancel(String id) {
        return SimResponse.ok(organisation.cancelDeployment(id));
    }

    private static DeploymentState state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return DeploymentState.fromApiName(value);
        } catch (IllegalArgumentException e) {
            throw SimError.badRequest("Invalid state \"" + value
                    + "\": use one of pending, in_progress, succeeded, failed, cancelled");
        }
    }
}
