package org.fleetdesk.ui.devices;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.Qualifier;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Devices screen: the search bar (chips and text), the device table with its actions, and beside it the details
 * of the selected device and charts of the result. Typing filters the cached fleet after a short pause (150 ms);
 * adding or removing a chip filters at once.
 * <p>
 * Deploying and showing deployments belong to other screens: the shell passes them in with {@link #setOnDeploy} and
 * {@link #setOnShowDeployments}; until then those actions are disabled.
 */
public final class DevicesScreen implements Screen {
    static final Duration TYPING_PAUSE = Duration.millis(150);
    static final String STYLESHEET = DevicesScreen.class.getResource("devices.css").toExternalForm();

    private final DevicesViewModel model;
    private final QueryBarViewModel queryModel;
    private final QueryBar queryBar;
    private final DeviceTable table;
    private final DeviceActions actions;
    private final DeviceDetailsViewModel detailsModel;
    private final DeviceDetailsPane details;
    private final FleetChartsViewModel chartsModel = new FleetChartsViewModel();
    private final TabPane sidePanes = new TabPane();
    private final Tab chartsTab;
    private final BorderPane root = new BorderPane();
    private final PauseTransition typingPause = new PauseTransition(TYPING_PAUSE);
    private List<QueryChip> appliedChips = List.of();

    public DevicesScreen(Session session) {
        model = new DevicesViewModel(session);
        queryModel = new QueryBarViewModel(model::fleetFacets);
        queryBar = new QueryBar(queryModel);
        BiConsumer<Qualifier, String> addFilter = queryModel::addFilter;
        table = new DeviceTable(tag -> queryModel.addFilter(Qualifier.TAG, tag));
        table.setOnSort(model::setSort);
        actions = new DeviceActions(session, model, table);
        detailsModel = new DeviceDetailsViewModel(session);
        details = new DeviceDetailsPane(detailsModel, addFilter);
        FleetChartsPane charts = new FleetChartsPane(chartsModel, addFilter);
        Tab detailsTab = new Tab("Details", details);
        chartsTab = new Tab("Fleet at a glance", charts);
        chartsTab.setId("charts-tab");
        sidePanes.getTabs().setAll(detailsTab, chartsTab);
        sidePanes.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ColumnLayout.attach(table, session.executor(),
                session.store().file().toAbsolutePath().resolveSibling(ColumnLayout.FILE_NAME));

        wire();
        root.setId("devices-screen");
        root.getStyleClass().add("devices-screen");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(new VBox(header(session), searchRow(), messageBanner(), actionRow()));
        SplitPane split = new SplitPane(table.view(), sidePanes);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(sidePanes, false);
        root.setCenter(split);
        model.reload();
    }

    private void wire() {
        queryModel.queryProperty().addListener((obs, old, now) -> {
            List<QueryChip> chips = List.copyOf(queryModel.chips());
            if (!chips.equals(appliedChips)) {
                appliedChips = chips;
                typingPause.stop();
                model.setQuery(now);
            } else {
                typingPause.playFromStart();
            }
        });
        typingPause.setOnFinished(e -> model.setQuery(queryModel.query()));
        model.resultsProperty().addListener((obs, old, now) -> {
            table.setDevices(now);
            if (chartsTab.isSelected()) {
                chartsModel.show(model.resultFacets());
            }
        });
        chartsTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                chartsModel.show(model.resultFacets());
            }
        });
        table.view().getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> detailsModel.show(now));
        table.selectedDevices().addListener((ListChangeListener<Device>) change -> {
            if (table.selectedDevices().isEmpty()) {
                detailsModel.show(null);
            }
        });
    }

    private Node header(Session session) {
        Label title = new Label("Devices");
        title.getStyleClass().add("screen-title");
        Label count = new Label();
        count.setId("device-count");
        count.getStyleClass().add("device-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int selected = table.selectedDevices().size();
            return model.countTextProperty().get() + (selected > 0 ? " · " + String.format("%,d", selected)
                    + " selected" : "");
        }, model.countTextProperty(), table.selectedDevices()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToggleButton live = new ToggleButton("Live API", Icons.icon(MaterialDesignC.CLOUD_SEARCH_OUTLINE));
        live.setId("live-search");
        live.selectedProperty().bindBidirectional(model.liveProperty());
        live.disableProperty().bind(session.writableProperty().not().and(live.selectedProperty().not()));
        StackPane liveHolder = new StackPane(live);
        Tooltip liveTip = new Tooltip();
        liveTip.textProperty().bind(Bindings.createStringBinding(() -> session.isWritable()
                ? "Search the live API instead of the cache (slower; the same query)"
                : DeviceActions.whyNotWritable(session.connectionProperty().get()), session.writableProperty()));
        Tooltip.install(liveHolder, liveTip);

        HBox header = new HBox(12, title, count, spacer, liveHolder,
                new SavedSearchesMenu(model, queryModel, search -> queryModel.setQuery(search.query())),
                new ExportMenu(model, table));
        header.getStyleClass().add("screen-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node searchRow() {
        Label warnings = new Label();
        warnings.setId("query-warnings");
        warnings.getStyleClass().add("query-warnings");
        warnings.setWrapText(true);
        warnings.textProperty().bind(queryModel.warningsProperty());
        warnings.visibleProperty().bind(queryModel.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
        VBox row = new VBox(4, queryBar, warnings);
        row.setPadding(new Insets(0, 16, 8, 16));
        return row;
    }

    private Node messageBanner() {
        Label text = new Label();
        text.setId("devices-message");
        text.setWrapText(true);
        text.textProperty().bind(model.messageProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = Icons.iconButton(MaterialDesignC.CLOSE, "Dismiss", model::dismissMessage);
        HBox banner = new HBox(8, text, close);
        banner.getStyleClass().add("banner");
        banner.visibleProperty().bind(model.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        model.messageIsErrorProperty().addListener((obs, was, error) -> banner.getStyleClass()
                .setAll("banner", error ? "error" : "info"));
        banner.getStyleClass().add("info");
        return banner;
    }

    private Node actionRow() {
        HBox row = new HBox(8, actions.toolbar());
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 16, 8, 16));
        return row;
    }

    /** Shows the devices matching {@code query} at once, as chips and text in the search bar (for links from elsewhere). */
    public void showQuery(String query) {
        queryModel.setQueryString(query);
        typingPause.stop();
        model.setQuery(queryModel.query());
    }

    /** The deployment wizard, pre-filled with the selected devices (wired by the shell). */
    public void setOnDeploy(Consumer<List<Device>> action) {
        actions.onDeployProperty().set(action);
    }

    /** The Deployments screen for one device (wired by the shell). */
    public void setOnShowDeployments(Consumer<Device> action) {
        actions.onShowDeploymentsProperty().set(action);
        details.setOnShowDeployments(action);
    }

    @Override
    public String title() {
        return "Devices";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignR.RASPBERRY_PI;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void focusSearch() {
        queryBar.focus();
    }

    /** The parts tests and the shell drive. */
    DevicesViewModel model() {
        return model;
    }

    QueryBarViewModel queryModel() {
        return queryModel;
    }

    DeviceTable table() {
        return table;
    }
}
