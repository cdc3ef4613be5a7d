package cn.mee.liaison.bot.channel.wecom.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback encryption, shared by the self-built app (XML, ReceiveId = corp id) and the intelligent robot
 * (JSON, ReceiveId = ""): AES-256-CBC with IV = first 16 key bytes, PKCS#7 padding to 32 bytes, plaintext laid out as
 * 16 random bytes, a 4-byte big-endian length, the UTF-8 message and the ReceiveId; signatures are the SHA-1 hex of
 * token, timestamp, nonce and ciphertext sorted and concatenated. Immutable and thread-safe.
 */
public final class WeComCipher {

    private static final int RANDOM_BYTES = 16;
    private static final int LENGTH_BYTES = 4;
    private static final int HEADER_BYTES = RANDOM_BYTES + LENGTH_BYTES;
    private static final int ENCODING_AES_KEY_LENGTH = 43;
    /** WeCom's admin console generates and accepts EncodingAESKeys of 43 letters and digits only. */
    private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
    private static final String TRANSFORMATION = "AES/CBC/NoPadding";

    private final String token;
    private final byte[] receiveId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final SecureRandom random = new SecureRandom();
    /**
     * A cipher per thread and direction, initialised once: {@code doFinal} leaves it as initialised, so each message
     * spares the provider lookup and the key schedule.
     */
    private final ThreadLocal<Cipher> encrypting = ThreadLocal.withInitial(() -> initialised(Cipher.ENCRYPT_MODE));
    private final ThreadLocal<Cipher> decrypting = ThreadLocal.withInitial(() -> initialised(Cipher.DECRYPT_MODE));

    /**
     * @param token          the Token configured with the callback URL
     * @param encodingAesKey the 43-character EncodingAESKey
     * @param receiveId      the corp id for app callbacks, the empty string for the intelligent robot
     * @throws IllegalArgumentException if the token is empty or the key is not 43 letters and digits
     */
    public WeComCipher(String token, String encodingAesKey, String receiveId) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(receiveId, "receiveId");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("WeCom token must not be empty");
        }
        if (encodingAesKey.length() != ENCODING_AES_KEY_LENGTH) {
            throw new IllegalArgumentException("WeCom EncodingAESKey must be " + ENCODING_AES_KEY_LENGTH
                    + " characters, got " + encodingAesKey.length());
        }
        if (!ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
            throw new IllegalArgumentException("WeCom EncodingAESKey must consist of letters and digits only");
        }
        byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        this.token = token;
        this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, RANDOM_BYTES));
        Arrays.fill(aesKey, (byte) 0);
    }

    /** The SHA-1 hex (lower case) of token, timestamp, nonce and encrypted, sorted and concatenated. */
    public String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = {token, Objects.requireNonNull(timestamp, "timestamp"),
                Objects.requireNonNull(nonce, "nonce"), Objects.requireNonNull(encrypted, "encrypted")};
        Arrays.sort(parts);
        MessageDigest sha1 = sha1();
        for (String part : parts) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** Whether {@code msgSignature} signs these values; compared in constant time, hex case ignored. */
    public boolean verify(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypted == null) {
            return false;
        }
        byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        byte[] given = msgSignature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * Decrypts a Base64 ciphertext and returns the message.
     *
     * @throws WeComCryptoException if the Base64, the length, the padding, the layout, the UTF-8 or the ReceiveId is
     *                              wrong
     */
    public String decrypt(String encrypted) {
        if (encrypted == null || encrypted.isEmpty()) {
            throw new WeComCryptoException("ciphertext is empty");
        }
        byte[] cipherBytes;
        try {
            cipherBytes = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new WeComCryptoException("ciphertext is not valid Base64");
        }
        if (cipherBytes.length == 0 || cipherBytes.length % 16 != 0) {
            throw new WeComCryptoException("ciphertext length is not a positive multiple of the AES block size");
        }
        byte[] plain = Pkcs7Padding.strip(aes(Cipher.DECRYPT_MODE, cipherBytes));
        if (plain.length < HEADER_BYTES) {
            throw new WeComCryptoException("plaintext is shorter than its header");
        }
        int length = ByteBuffer.wrap(plain, RANDOM_BYTES, LENGTH_BYTES).getInt();
        if (length < 0 || length > plain.length - HEADER_BYTES) {
            throw new WeComCryptoException("message length is out of bounds");
        }
        int receiveIdStart = HEADER_BYTES + length;
        byte[] trailer = Arrays.copyOfRange(plain, receiveIdStart, plain.length);
        if (!Arrays.equals(trailer, receiveId)) {
            throw new WeComCryptoException("ReceiveId does not match the configured one");
        }
        return utf8(plain, HEADER_BYTES, length);
    }

    /** Encrypts {@code plaintext} with 16 fresh random bytes; returns Base64. */
    public String encrypt(String plaintext) {
        byte[] random16 = new byte[RANDOM_BYTES];
        random.nextBytes(random16);
        return encrypt(plaintext, random16);
    }

    /** Encrypts with the given 16 leading random bytes (deterministic, for tests and vectors); returns Base64. */
    public String encrypt(String plaintext, byte[] random16) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(random16, "random16");
        if (random16.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("random prefix must be " + RANDOM_BYTES + " bytes");
        }
        byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(HEADER_BYTES + message.length + receiveId.length);
        plain.put(random16).putInt(message.length).put(message).put(receiveId);
        byte[] cipherBytes = aes(Cipher.ENCRYPT_MODE, Pkcs7Padding.pad(plain.array()));
        return Base64.getEncoder().encodeToString(cipherBytes);
    }

    /** Encrypts a passive reply and signs it with the given timestamp and nonce. */
    public SealedReply seal(String plaintext, String timestamp, String nonce) {
        String encrypted = encrypt(plaintext);
        return new SealedReply(encrypted, signature(timestamp, nonce, encrypted), timestamp, nonce);
    }

    /**
     * Verifies and decrypts a signed ciphertext: the {@code encrypt} field of a callback body.
     *
     * @throws WeComCryptoException if the signature does not match or decryption fails
     */
    public String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (!verify(msgSignature, timestamp, nonce, encrypted)) {
            throw new WeComCryptoException("msg_signature does not match");
        }
        return decrypt(encrypted);
    }

    /**
     * Answers WeCom's URL verification: verifies the signature over the (already URL-decoded) echostr and returns its
     * plaintext, which the caller sends back as the bare response body.
     *
     * @throws WeComCryptoException if the signature does not match or decryption fails
     */
    public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr) {
        return open(msgSignature, timestamp, nonce, echostr);
    }

    private byte[] aes(int mode, byte[] input) {
        ThreadLocal<Cipher> ciphers = mode == Cipher.ENCRYPT_MODE ? encrypting : decrypting;
        Cipher cipher = ciphers.get();
        try {
            return cipher.doFinal(input);
        } catch (GeneralSecurityException | RuntimeException e) {
            ciphers.remove(); // whatever state it was left in, the next message gets a fresh one
            // Only reachable if the input is not block-aligned (checked above).
            throw new IllegalStateException("AES-256-CBC failed: " + e.getClass().getSimpleName());
        }
    }

    private Cipher initialised(int mode) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, iv);
            return cipher;
        } catch (GeneralSecurityException e) {
            // Only reachable if the JDK lacks AES/CBC/NoPadding.
            throw new IllegalStateException("AES-256-CBC is not available: " + e.getClass().getSimpleName());
        }
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WeComCryptoException("message is not valid UTF-8");
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
