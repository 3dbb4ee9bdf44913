package org.fleetdesk.sim;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The boards the generated fleet is made of: the reference's {@code model:} value and board name, the revisions and
 * memory sizes each board really ships with, and how common it is in the fleet (weights sum to 100).
 */
enum BoardModel {
    PI_4B("4b", "Raspberry Pi 4B", 26, List.of("1.1", "1.2", "1.4", "1.5"), List.of("1gb", "2gb", "4gb", "8gb")),
    PI_5("5", "Raspberry Pi 5", 22, List.of("1.0", "1.1"), List.of("2gb", "4gb", "8gb", "16gb")),
    CM4("cm4", "Raspberry Pi CM4", 14, List.of("1.0", "1.1"), List.of("1gb", "2gb", "4gb", "8gb")),
    CM5("cm5", "Raspberry Pi CM5", 8, List.of("1.0"), List.of("2gb", "4gb", "8gb", "16gb")),
    ZERO_2_W("zero2w", "Raspberry Pi Zero 2 W", 10, List.of("1.0"), List.of("512mb")),
    PI_400("400", "Raspberry Pi 400", 4, List.of("1.0", "1.1"), List.of("4gb")),
    PI_500("500", "Raspberry Pi 500", 4, List.of("1.0"), List.of("8gb")),
    PI_3B_PLUS("3b+", "Raspberry Pi 3B+", 8, List.of("1.3"), List.of("1gb")),
    CM5_LITE("cm5lite", "Raspberry Pi CM5 Lite", 2, List.of("1.0"), List.of("2gb", "4gb", "8gb")),
    CM4S("cm4s", "Raspberry Pi CM4S", 1, List.of("1.0"), List.of("1gb")),
    PI_3B("3b", "Raspberry Pi 3B", 1, List.of("1.2"), List.of("1gb"));

    private static final int TOTAL_WEIGHT = 100;
    private static final BoardModel[] ALL = values();

    final String filterValue;
    final String boardName;
    final int weight;
    final List<String> revisions;
    final List<String> memories;
    final List<String> memoryDisplays;

    BoardModel(String filterValue, String boardName, int weight, List<String> revisions, List<String> memories) {
        this.filterValue = filterValue;
        this.boardName = boardName;
        this.weight = weight;
        this.revisions = revisions;
        this.memories = memories;
        this.memoryDisplays = memories.stream().map(BoardModel::memoryDisplay).toList();
    }

    static BoardModel pick(SplittableRandom random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (BoardModel model : ALL) {
            roll -= model.weight;
            if (roll < 0) {
                return model;
            }
        }
        throw new IllegalStateException("board weights do not sum to " + TOTAL_WEIGHT);
    }

    /** Boards that can run a 32-bit (armv7l) Raspberry Pi OS. */
    boolean runs32Bit() {
        return this == PI_3B_PLUS || this == PI_3B || this == ZERO_2_W || this == PI_4B || this == CM4S;
    }

    /** The API's display string for a {@code memory:} value: {@code 8gb} → {@code 8 GB}. */
    static String memoryDisplay(String filterValue) {
        String unit = filterValue.substring(filterValue.length() - 2).toUpperCase(Locale.ROOT);
        return filterValue.substring(0, filterValue.length() - 2) + " " + unit;
    }
}
