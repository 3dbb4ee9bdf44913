package org.fleetdesk.cli;

import java.util.Locale;
import org.fleetdesk.api.DeploymentState;
import picocli.CommandLine;

/** Reads a deployment state as the API writes it ({@code pending}, {@code in_progress}, ...). */
final class DeploymentStateConverter implements CommandLine.ITypeConverter<DeploymentState> {
    @Override
    public DeploymentState convert(String value) {
        try {
            return DeploymentState.fromApiName(value.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
