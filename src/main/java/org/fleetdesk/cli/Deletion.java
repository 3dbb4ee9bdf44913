package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import org.fleetdesk.api.BadRequestException;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.UnprocessableException;
import org.fleetdesk.api.Validation;

/**
 * Deletes one or more resources after a single confirmation. A refusal of one ID is reported and the others are still
 * deleted; the exit code is that of the first refusal. A refused token or a network failure stops everything.
 */
final class Deletion {
    private Deletion() {
    }

    static int deleteEach(ApiCommand command, ConfirmOptions confirm, List<String> ids, String what,
                          Consumer<String> delete) {
        ids.forEach(id -> Validation.requireId(id, what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1)));
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        String subject = ids.size() == 1 ? what + " " + ids.get(0) : ids.size() + " " + what + "s (" + String.join(", ", ids) + ")";
        confirm.require("Delete " + subject + "?", command.environment(), err);
        int exit = ExitCodes.OK;
        for (String id : ids) {
            try {
                delete.accept(id);
                out.println("Deleted " + what + " " + id + ".");
                out.flush();
            } catch (NotFoundException | UnprocessableException | BadRequestException | ForbiddenException e) {
                err.println("Could not delete " + what + " " + id + ":");
                ErrorReporter.report(e, err);
                exit = exit == ExitCodes.OK ? ErrorReporter.exitCode(e) : exit;
            }
        }
        return exit;
    }
}
