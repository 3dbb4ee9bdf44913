package org.fleetdesk.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.fleetdesk.api.InvalidInputException;

/**
 * Keeps each profile's token in its own file, {@code <home>/secrets/<profile>.token}, encrypted with AES-256-GCM
 * under a key derived from a passphrase by Argon2id (64 MiB, 3 passes; random salt and nonce on every save).
 * The header (format, KDF parameters, salt, nonce) is authenticated with the token, so any change to the file, like
 * a wrong passphrase, makes it unreadable rather than silently wrong.
 */
public final class EncryptedFileTokenStore implements TokenStore {
    public static final String FOLDER = "secrets";
    public static final int MIN_PASSPHRASE_LENGTH = 8;

    static final int MEMORY_KIB = 64 * 1024;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 1;

    private static final byte[] MAGIC = {'F', 'D', 'T', 'K'};
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = MAGIC.length + 1 + 4 + 4 + 1 + SALT_BYTES + NONCE_BYTES;
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final PassphrasePrompt prompt;

    public EncryptedFileTokenStore(Path home, PassphrasePrompt prompt) {
        this.folder = home.resolve(FOLDER);
        this.prompt = prompt;
    }

    public Path fileFor(String profile) {
        return folder.resolve(Profile.requireValidName(profile) + ".token");
    }

    @Override
    public TokenStoreKind kind() {
        return TokenStoreKind.FILE;
    }

    @Override
    public void save(String profile, Secret token) {
        char[] passphrase = prompt.passphrase(profile, PassphrasePrompt.Purpose.CHOOSE);
        byte[] plain = token.toUtf8();
        byte[] key = null;
        try {
            if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
                throw new InvalidInputException("The passphrase protecting the token must be at least "
                        + MIN_PASSPHRASE_LENGTH + " characters long: choose a longer one.");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            header.put(MAGIC).put(VERSION).putInt(MEMORY_KIB).putInt(ITERATIONS).put((byte) PARALLELISM)
                    .put(randomBytes(SALT_BYTES)).put(randomBytes(NONCE_BYTES));
            byte[] headerBytes = header.array();
            KdfParameters kdf = KdfParameters.read(headerBytes);
            key = kdf.deriveKey(passphrase);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, headerBytes).doFinal(plain);
            byte[] file = ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(headerBytes).put(sealed).array();
            AtomicFiles.write(fileFor(profile), file, true);
        } catch (GeneralSecurityException e) {
            throw new TokenStoreException("Could not encrypt the token of profile '" + profile + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TokenStoreException("Could not write the token file " + fileFor(profile) + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk is not full.", e);
        } finally {
            wipe(passphrase);
            Arrays.fill(plain, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Override
    public Optional<Secret> load(String profile) {
        Path file = fileFor(profile);
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw damaged(profile, file);
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenStoreException("Could not read the token file " + file + ": " + e.getMessage(), e);
        }
        if (content.length <= HEADER_BYTES || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || content[MAGIC.length] != VERSION) {
            throw damaged(profile, file);
        }
        byte[] headerBytes = Arrays.copyOf(content, HEADER_BYTES);
        KdfParameters kdf = KdfParameters.read(headerBytes);
        if (!kdf.isPlausible()) {
            throw damaged(profile, file);
        }
        char[] passphrase = prompt.passphrase(profile, PassphrasePrompt.Purpose.UNLOCK);
        byte[] key = kdf.deriveKey(passphrase);
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, key, headerBytes).doFinal(content, HEADER_BYTES, content.length - HEADER_BYTES);
            return Optional.of(Secret.fromUtf8(plain));
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException("The passphrase does not open the token file of profile '" + profile
                    + "' (" + file + "): it is wrong, or the file was altered. Type the passphrase you chose when you"
                    + " saved the token; if it is lost, save the token again with: fleetdesk profile add " + profile
                    + " --api-url URL --replace");
        } catch (GeneralSecurityException e) {
            throw new TokenStoreException("Could not decrypt the token of profile '" + profile + "': " + e.getMessage(), e);
        } finally {
            wipe(passphrase);
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public void delete(String profile) {
        try {
            Files.deleteIfExists(fileFor(profile));
        } catch (IOException e) {
            throw new TokenStoreException("Could not delete the token file " + fileFor(profile) + ": " + e.getMessage()
                    + ". Delete it by hand.", e);
        }
    }

    /** Moves the file: renaming needs no passphrase. */
    @Override
    public void rename(String from, String to) {
        try {
            if (Files.exists(fileFor(from))) {
                Files.move(fileFor(from), fileFor(to), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new TokenStoreException("Could not rename the token file " + fileFor(from) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "encrypted file (passphrase) in " + folder;
    }

    private static TokenStoreException damaged(String profile, Path file) {
        return new TokenStoreException("The token file of profile '" + profile + "' (" + file + ") is damaged or not a"
                + " Fleetdesk token file: delete it and save the token again with: fleetdesk profile add " + profile
                + " --api-url URL --replace");
    }

    private static Cipher cipher(int mode, byte[] key, byte[] header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = Arrays.copyOfRange(header, HEADER_BYTES - NONCE_BYTES, HEADER_BYTES);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    /** Argon2id settings as recorded in a file's header, so that stronger settings later can still read old files. */
    private record KdfParameters(int memoryKib, int iterations, int parallelism, byte[] salt) {
        static KdfParameters read(byte[] header) {
            ByteBuffer in = ByteBuffer.wrap(header, MAGIC.length + 1, HEADER_BYTES - MAGIC.length - 1);
            int memory = in.getInt();
            int iterations = in.getInt();
            int parallelism = in.get();
            byte[] salt = new byte[SALT_BYTES];
            in.get(salt);
            return new KdfParameters(memory, iterations, parallelism, salt);
        }

        /** Refuses settings no Fleetdesk wrote, so that an altered file cannot make us allocate gigabytes. */
        boolean isPlausible() {
            return memoryKib >= 8 * 1024 && memoryKib <= 1024 * 1024 && iterations >= 1 && iterations <= 64
                    && parallelism >= 1 && parallelism <= 16;
        }

        byte[] deriveKey(char[] passphrase) {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
            byte[] key = new byte[KEY_BYTES];
            ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase == null ? new char[0] : passphrase));
            byte[] passwordBytes = new byte[utf8.remaining()];
            utf8.get(passwordBytes);
            Arrays.fill(utf8.array(), (byte) 0);
            try {
                generator.generateBytes(passwordBytes, key);
            } finally {
                Arrays.fill(passwordBytes, (byte) 0);
            }
            return key;
        }
    }
}
