package org.fleetdesk.ui.artefacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.UnprocessableException;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The Artefacts screen's state: the artefacts whose name starts with the search text (asked of the API, as it offers
 * a name-prefix filter; the cache when offline), which rollouts used each, and deleting (the API refuses once an
 * artefact was deployed, and its reason is shown).
 */
public final class ArtefactsViewModel {
    private final Session session;
    private final RolloutJournal journal;
    private final ObservableList<ArtefactRow> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private long generation;

    public ArtefactsViewModel(Session session) {
        this.session = session;
        this.journal = new RolloutJournal(session.store());
        search.addListener((o, was, now) -> refresh());
    }

    public ObservableList<ArtefactRow> rows() {
        return rows;
    }

    /** The name prefix to list (case-insensitive). */
    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public Session session() {
        return session;
    }

    public void refresh() {
        long mine = ++generation;
        String prefix = search.get() == null ? "" : search.get().strip();
        loading.set(true);
        session.executor().submit("Listing artefacts", progress -> load(prefix), loaded -> {
            if (mine == generation) {
                loading.set(false);
                rows.setAll(loaded.rows());
                status.set(loaded.status());
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                error.set(ErrorMessages.describe(failure));
            }
        });
    }

    /** Deletes on the API first, then from the list and the cache; a refusal is shown with the server's reason. */
    public void delete(ArtefactRow row) {
        error.set("");
        Artefact artefact = row.artefact();
        session.executor().submit("Deleting artefact " + artefact.name(), progress -> {
            session.client().deleteArtefact(artefact.id());
            session.store().artefacts().delete(artefact.id());
            return null;
        }, ignored -> {
            rows.remove(row);
            status.set("Deleted " + artefact.name() + ".");
            session.cacheChanged();
        }, failure -> error.set("Could not delete " + artefact.name() + ": " + (failure instanceof UnprocessableException
                ? ErrorMessages.headline(failure) + ".\nThe API keeps an artefact once it has been deployed."
                : ErrorMessages.describe(failure))));
    }

    /** Shows an artefact created by the dialog without asking the API again. */
    public void added(Artefact artefact) {
        rows.add(0, new ArtefactRow(artefact, List.of()));
        status.set("Created " + artefact.name() + ".");
    }

    private record Loaded(List<ArtefactRow> rows, String status) {
    }

    private Loaded load(String prefix) {
        List<Artefact> artefacts;
        String note;
        try {
            artefacts = session.client().listAllArtefacts(prefix.isEmpty() ? null : prefix);
            if (prefix.isEmpty()) {
                session.store().artefacts().replaceAll(artefacts);
            }
            note = artefacts.size() + " artefact" + (artefacts.size() == 1 ? "" : "s");
        } catch (NetworkException e) {
            String folded = prefix.toLowerCase(Locale.ROOT);
            artefacts = session.store().artefacts().all().stream()
                    .filter(a -> a.name() != null && a.name().toLowerCase(Locale.ROOT).startsWith(folded)).toList();
            note = "The API cannot be reached: showing the " + artefacts.size() + " cached artefacts.";
        }
        Map<String, List<String>> usedBy = journal.rollouts().stream().collect(Collectors.groupingBy(
                Rollout::artefactId, Collectors.mapping(Rollout::id, Collectors.toList())));
        List<ArtefactRow> loaded = new ArrayList<>();
        for (Artefact artefact : artefacts) {
            loaded.add(new ArtefactRow(artefact, usedBy.getOrDefault(artefact.id(), List.of())));
        }
        return new Loaded(loaded, note);
    }
}
