package org.fleetdesk.ui.welcome;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** First run: connect an organisation, or explore the demo organisation. */
public final class WelcomeView {
    private final WelcomeViewModel model;
    private final Consumer<Profile> onConnected;
    private final Runnable onDemo;

    public WelcomeView(WelcomeViewModel model, Consumer<Profile> onConnected, Runnable onDemo) {
        this.model = model;
        this.onConnected = onConnected;
        this.onDemo = onDemo;
    }

    public Node build() {
        Label title = new Label("Welcome to Fleetdesk");
        title.getStyleClass().add("welcome-title");
        Label subtitle = new Label("Search, provision and update your Raspberry Pi fleet through Raspberry Pi Connect"
                + " for Organisations — fast, and offline from a local cache.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        HBox cards = new HBox(20, connectCard(), demoCard());
        cards.setAlignment(Pos.CENTER);
        VBox page = new VBox(16, title, subtitle, cards);
        page.setAlignment(Pos.CENTER);
        page.setMaxWidth(900);
        page.setPadding(new Insets(40));
        model.probeTokenStores();
        VBox outer = new VBox(page);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }

    private Node connectCard() {
        Label heading = new Label("Connect an organisation", Icons.icon(MaterialDesignF.FORMAT_LIST_BULLETED_SQUARE, 20));
        heading.getStyleClass().add(Styles.TITLE_3);
        TextField name = new TextField();
        name.setId("org-name");
        name.setPromptText("e.g. acme-signage");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField url = new TextField();
        url.setId("api-url");
        url.textProperty().bindBidirectional(model.apiUrlProperty());
        PasswordField token = new PasswordField();
        token.setId("token");
        token.setPromptText("rporg_…");
        token.textProperty().bindBidirectional(model.tokenProperty());
        ComboBox<TokenStoreKind> store = new ComboBox<>(model.tokenStores());
        store.valueProperty().bindBidirectional(model.tokenStoreProperty());
        store.setConverter(new StringConverter<>() {
            @Override
            public String toString(TokenStoreKind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public TokenStoreKind fromString(String text) {
                return null;
            }
        });
        Label storeNote = new Label();
        storeNote.textProperty().bind(model.storeNoteProperty());
        storeNote.getStyleClass().add("muted");
        storeNote.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("API URL"), url);
        form.addRow(2, new Label("Token"), token);
        form.addRow(3, new Label("Keep token in"), store);
        GridPane.setHgrow(name, Priority.ALWAYS);
        Label tokenHint = new Label("Create a management API access token in the Connect dashboard: your organisation's"
                + " Settings → API access tokens → New. It is equal to an administrator's password.");
        tokenHint.getStyleClass().add("muted");
        tokenHint.setWrapText(true);
        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.setOnAction(e -> model.testConnection());
        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.setOnAction(e -> model.connect(onConnected));
        test.disableProperty().bind(model.busyProperty());
        connect.disableProperty().bind(model.busyProperty().or(model.tokenStoreProperty().isNull()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, was, failed) -> {
            message.getStyleClass().remove("form-error");
            if (failed) {
                message.getStyleClass().add("form-error");
            }
        });
        VBox card = new VBox(12, heading, form, storeNote, tokenHint, new HBox(10, test, connect, spinner), message);
        card.getStyleClass().add("welcome-card");
        card.setPrefWidth(480);
        return card;
    }

    private Node demoCard() {
        Label heading = new Label("Explore the demo", Icons.icon(MaterialDesignS.SCHOOL_OUTLINE, 20));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label("A simulated organisation with 2,500 Raspberry Pis runs on this computer only."
                + " Search devices, create auth keys and roll out updates without touching a real fleet.");
        text.setWrapText(true);
        Button demo = new Button("Explore the demo");
        demo.setId("explore-demo");
        demo.getStyleClass().add(Styles.SUCCESS);
        demo.setOnAction(e -> onDemo.run());
        VBox card = new VBox(12, heading, text, demo);
        card.getStyleClass().add("welcome-card");
        card.setPrefWidth(360);
        return card;
    }
}
