package cn.mee.liaison.bot.channel.wecom.fake;

import java.util.Map;

/** The {@code media} part of an upload, checked against WeCom's size limits for its type (all above 5 bytes). */
record MediaUpload(byte[] bytes, String filename) {

    private static final int MIN_BYTES = 6;
    private static final Map<String, Integer> MAX_BYTES = Map.of(
            "image", 10 * 1024 * 1024,
            "voice", 2 * 1024 * 1024,
            "video", 10 * 1024 * 1024,
            "file", 20 * 1024 * 1024);
    private static final Map<String, WeComError> TOO_LARGE = Map.of(
            "image", WeComError.INVALID_IMAGE_SIZE,
            "voice", WeComError.INVALID_FILE_SIZE,
            "video", WeComError.INVALID_VIDEO_SIZE,
            "file", WeComError.INVALID_FILE_SIZE);

    static MediaUpload read(ApiRequest request, String type) {
        if (!MAX_BYTES.containsKey(type)) {
            throw Rejection.violation(WeComError.INVALID_MEDIA_TYPE, "type " + type + " is not a media type");
        }
        Multipart.Part part = Multipart.parse(request.contentType(), request.body()).part("media")
                .orElseThrow(() -> Rejection.violation(WeComError.EMPTY_MEDIA, "no form part named media"));
        if (part.filename() == null || part.filename().isEmpty()) {
            throw Rejection.violation(WeComError.INVALID_PARAMETER, "the media part has no filename");
        }
        if (part.data().length == 0) {
            throw Rejection.violation(WeComError.EMPTY_MEDIA, "the media part is empty");
        }
        if (part.data().length < MIN_BYTES) {
            throw Rejection.violation(WeComError.INVALID_FILE_SIZE, "media must be larger than 5 bytes");
        }
        if (part.data().length > MAX_BYTES.get(type)) {
            throw Rejection.violation(TOO_LARGE.get(type), type + " of " + part.data().length + " bytes exceeds "
                    + MAX_BYTES.get(type));
        }
        return new MediaUpload(part.data(), part.filename());
    }
}
