package org.fleetdesk.sim;

import java.util.List;
import org.fleetdesk.api.Artefact;

/** {@code /organisation/artefacts}: create (JSON or form), list with a {@code name} prefix, delete. */
final class ArtefactEndpoints {
    private final Organisation organisation;

    ArtefactEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse create(SimRequest request) {
        Params params = request.params();
        ServerValidation validation = new ServerValidation();
        String name = params.string("name");
        String uri = params.string("uri");
        String checksum = params.string("checksum");
        validation.requirePresent(name, "Name");
        validation.uri(uri);
        validation.checksum(checksum);
        validation.throwIfAny();
        return SimResponse.created(organisation.createArtefact(name, uri.strip(), checksum));
    }

    SimResponse list(SimRequest request) {
        Pagination pagination = Pagination.of(request);
        String prefix = request.queryParam("name");
        List<Artefact> artefacts = organisation.listArtefacts(prefix == null ? "" : prefix);
        List<byte[]> items = pagination.slice(artefacts).stream().map(ApiJson::bytes).toList();
        return SimResponse.ok(ApiJson.page("artefacts", items, pagination.meta(artefacts.size())));
    }

    SimResponse delete(String id) {
        organisation.deleteArtefact(id);
        return SimResponse.noContent();
    }
}
