package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.LocalKeySigner;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.provision.BulkIdentities;
import org.fleetdesk.provision.BulkResult;
import org.fleetdesk.provision.IdentityRegistrar;
import org.fleetdesk.provision.IdentitySigning;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code identities register}: one identity (--public-key …) or many (--folder / --csv), each signed here with the
 * device's private key or on the device. A lost answer is reconciled by looking the key up ({@link IdentityRegistrar}).
 */
@Command(name = "register", description = {"Register a device identity, signed with the device's private key here"
        + " (--private-key) or on the device (--signature, over the digest from payload-digest).",
        "With --folder or --csv, register many: signed with --private-keys DIR (<name>.key.pem) or --signatures FILE"
                + " (rows name,signature over the digests of 'payload-digest --folder/--csv')."},
        footer = {"%nExamples:", "  fleetdesk identities register --public-key pi5-001.pub \\",
                "      --description pi5-001 --tag kiosk --private-key pi5-001.pem",
                "  fleetdesk identities register --public-key pi5-001.pub \\",
                "      --description pi5-001 --tag kiosk --signature \"$(cat pi5-001.sig)\"",
                "  fleetdesk identities register --folder keys/ --private-keys keys/ --tag kiosk",
                "  fleetdesk identities register --csv devices.csv --signatures signatures.csv"})
final class IdentitiesRegisterCommand extends ApiCommand {
    @Mixin
    IdentityOptions identity;

    @Mixin
    IdentitySourceOptions sources;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Signing signing;

    @Mixin
    BulkOptions bulk;

    @Mixin
    OutputOptions output;

    static final class Signing {
        @Option(names = "--private-key", paramLabel = "FILE", required = true,
                description = "Sign here with the device's EC P-256 private key (PEM).")
        Path privateKey;

        @Option(names = "--signature", paramLabel = "BASE64", required = true,
                description = "The device's Base64 DER signature of the payload digest.")
        String signature;

        @Option(names = "--private-keys", paramLabel = "DIR", required = true,
                description = "Many identities: sign each with DIR/<name>.key.pem (may be the --folder itself).")
        Path privateKeys;

        @Option(names = "--signatures", paramLabel = "FILE", required = true,
                description = "Many identities: rows name,signature made on the devices.")
        Path signatures;
    }

    @Override
    protected RequestLimiter createLimiter() {
        return sources.isBulk() ? bulk.limiter() : super.createLimiter();
    }

    @Override
    protected int run(ConnectClient client) {
        return sources.isBulk() ? registerMany(client) : registerOne(client);
    }

    private int registerOne(ConnectClient client) {
        if (signing.privateKeys != null || signing.signatures != null) {
            throw new InvalidInputException("--private-keys and --signatures are for --folder or --csv: for one"
                    + " identity give --private-key FILE or --signature BASE64.");
        }
        IdentityRequest request = client.prepareDeviceIdentity(identity.identity());
        String signature = signing.privateKey != null
                ? LocalKeySigner.fromPem(TextFiles.read(signing.privateKey, "--private-key")).sign(request)
                : signing.signature;
        IdentityRegistrar.Registered registered = new IdentityRegistrar(client, limiter()).register(request, signature);
        output.printer(out()).one(registered.identity(), Views::identity);
        if (registered.note() != null) {
            err().println(registered.note());
        }
        return ExitCodes.OK;
    }

    private int registerMany(ConnectClient client) {
        sources.requireNoSingle(identity);
        if (signing.privateKey != null || signing.signature != null) {
            throw new InvalidInputException("--private-key and --signature sign one identity: with --folder or --csv give"
                    + " --private-keys DIR or --signatures FILE.");
        }
        IdentitySigning signer = signing.privateKeys != null ? IdentitySigning.privateKeys(signing.privateKeys)
                : IdentitySigning.signatures(signing.signatures);
        BulkResult<DeviceIdentity> result = new BulkIdentities(client, limiter()).register(
                sources.entries(identity.forCreate()), signer, new BulkProgressLine<>(err(), "Registering identities:"),
                () -> false);
        return new BulkReport<DeviceIdentity>("device identities", "IDENTITY ID", "id", o -> o.value().id())
                .print(result, output.format, out(), err());
    }
}
