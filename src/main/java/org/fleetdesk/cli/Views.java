package org.fleetdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;

/** The table layout of each resource. */
final class Views {
    private Views() {
    }

    static Table devices(List<Device> devices) {
        Table table = Table.withColumns("ID", "NAME", "SERIAL", "MODEL", "MEMORY", "OS", "TAGS");
        for (Device d : devices) {
            table.row(d.id(), d.name(), d.serialNumber(), d.board() == null ? null : d.board().model(),
                    d.board() == null ? null : d.board().memory(),
                    d.os() == null ? null : d.os().name() + " " + d.os().version(), d.tags());
        }
        return table;
    }

    static Table authKeys(List<AuthKey> keys) {
        Table table = Table.withColumns("ID", "DESCRIPTION", "DEVICE NAME", "TAGS", "STATE", "EXPIRES");
        Instant now = Instant.now();
        for (AuthKey k : keys) {
            table.row(k.id(), k.description(), k.deviceName(), k.tags(), state(k, now), k.expiresAt());
        }
        return table;
    }

    /** One auth key; its secret is shown when present (only in the answer to create). */
    static Table authKey(AuthKey k) {
        Table table = Table.details()
                .row("ID:", k.id())
                .row("Description:", k.description())
                .row("Device name:", k.deviceName())
                .row("Tags:", k.tags())
                .row("State:", state(k, Instant.now()))
                .row("Expires:", k.expiresAt())
                .row("Exchanged:", k.exchangedAt())
                .row("Created:", k.createdAt());
        if (k.secret() != null) {
            table.row("Secret:", k.secret());
        }
        return table;
    }

    static Table identities(List<DeviceIdentity> identities) {
        Table table = Table.withColumns("ID", "DESCRIPTION", "DEVICE NAME", "TAGS", "CREATED");
        for (DeviceIdentity i : identities) {
            table.row(i.id(), i.description(), i.deviceName(), i.tags(), i.createdAt());
        }
        return table;
    }

    static Table identity(DeviceIdentity i) {
        return Table.details()
                .row("ID:", i.id())
                .row("Description:", i.description())
                .row("Device name:", i.deviceName())
                .row("Tags:", i.tags())
                .row("Created:", i.createdAt())
                .row("Public key:", i.publicKey());
    }

    static Table artefacts(List<Artefact> artefacts) {
        Table table = Table.withColumns("ID", "NAME", "CHECKSUM", "URI");
        for (Artefact a : artefacts) {
            table.row(a.id(), a.name(), a.checksum(), a.uri());
        }
        return table;
    }

    static Table artefact(Artefact a) {
        return Table.details()
                .row("ID:", a.id())
                .row("Name:", a.name())
                .row("URI:", a.uri())
                .row("Checksum:", a.checksum());
    }

    static Table deployments(List<Deployment> deployments) {
        Table table = Table.withColumns("ID", "STATE", "REASON", "ARTEFACT", "CREATED", "UPDATED");
        for (Deployment d : deployments) {
            table.row(d.id(), d.state() == null ? null : d.state().apiName(), d.stateReason(), d.artefactId(),
                    d.createdAt(), d.updatedAt());
        }
        return table;
    }

    static Table deployment(Deployment d) {
        return Table.details()
                .row("ID:", d.id())
                .row("State:", d.state() == null ? null : d.state().apiName())
                .row("Reason:", d.stateReason())
                .row("Device:", d.deviceId())
                .row("Artefact:", d.artefactId())
                .row("Created:", d.createdAt())
                .row("Updated:", d.updatedAt());
    }

    private static String state(AuthKey key, Instant now) {
        return key.stateAt(now).name().toLowerCase(Locale.ROOT);
    }
}
