package org.fleetdesk.ui.authkeys;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.Validation;

/** The "new auth key" form: description, expiry (1–90 days, default 1), device name and tags, checked as documented. */
public final class CreateKeyForm {
    public static final String EXPIRY_HINT = "Keys expire after 1 day by default: create them shortly before the"
            + " devices are first powered on.";

    private final StringProperty description = new SimpleStringProperty("");
    private final IntegerProperty ttlDays = new SimpleIntegerProperty(1);
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public StringProperty descriptionProperty() {
        return description;
    }

    public IntegerProperty ttlDaysProperty() {
        return ttlDays;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    /** Why the form cannot be sent, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The request to send, or null with {@link #problemProperty()} saying what to fix. */
    public NewAuthKey request() {
        String name = deviceName.get() == null || deviceName.get().isBlank() ? null : deviceName.get().strip();
        NewAuthKey key = new NewAuthKey(description.get() == null ? "" : description.get().strip(), ttlDays.get(), name,
                List.copyOf(tags));
        try {
            Validation.validate(key);
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
            return null;
        }
        problem.set("");
        return key;
    }
}
