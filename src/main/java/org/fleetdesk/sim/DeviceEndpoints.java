package org.fleetdesk.sim;

import java.util.List;

/** {@code /organisation/devices}: the list with {@code query} and pagination, and delete. */
final class DeviceEndpoints {
    private final Organisation organisation;

    DeviceEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse list(SimRequest request) {
        Pagination pagination = Pagination.of(request);
        DeviceQuery query = DeviceQuery.parse(request.queryParam("query"));
        DeviceIndex.Selection selection = organisation.selectDevices(query, pagination.offset(), pagination.perPage());
        List<byte[]> items = selection.page().stream().map(DeviceEntry::json).toList();
        return SimResponse.ok(ApiJson.page("devices", items, pagination.meta(selection.totalCount())));
    }

    SimResponse delete(String id) {
        organisation.deleteDevice(id);
        return SimResponse.noContent();
    }
}
