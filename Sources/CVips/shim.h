#include <vips/vips.h>

/* libvips' entry points take their options as NULL-terminated variadic arguments, which Swift cannot call: each
   wrapper below names the options it uses. Every function returns a new reference (or NULL with libvips' error
   set) and leaves its input alone; the caller unreferences both. */

/* Starts libvips once per process; operation caching is off (every photo is read once). */
static inline int agora_vips_start(void) {
    if (VIPS_INIT("agora")) return -1;
    vips_cache_set_max(0);
    return 0;
}

/* Opens a file with the decoder of one format only, so that a file is never decoded as something it did not claim
   to be; damaged or truncated data fails when the pixels are read. 0: JPEG, 1: PNG, 2: WebP. */
static inline VipsImage *agora_vips_open(const char *path, int format) {
    VipsImage *out = NULL;
    int failed = -1;
    switch (format) {
    case 0: failed = vips_jpegload(path, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL); break;
    case 1: failed = vips_pngload(path, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL); break;
    case 2: failed = vips_webpload(path, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL); break;
    }
    return failed ? NULL : out;
}

/* Turns the image upright as its EXIF orientation says (and forgets the orientation). */
static inline VipsImage *agora_vips_upright(VipsImage *in) {
    VipsImage *out = NULL;
    return vips_autorot(in, &out, NULL) ? NULL : out;
}

static inline VipsImage *agora_vips_crop(VipsImage *in, int left, int top, int width, int height) {
    VipsImage *out = NULL;
    return vips_extract_area(in, &out, left, top, width, height, NULL) ? NULL : out;
}

/* Eight-bit sRGB without transparency, whatever came in: an embedded colour profile is applied (else the
   colour space is converted), and transparent parts become white. */
static inline VipsImage *agora_vips_srgb(VipsImage *in) {
    VipsImage *coloured = NULL;
    if (vips_image_get_typeof(in, VIPS_META_ICC_NAME) && vips_icc_transform(in, &coloured, "srgb", "embedded", TRUE, "depth", 8, NULL) == 0) {
    } else {
        vips_error_clear();
        if (vips_colourspace(in, &coloured, VIPS_INTERPRETATION_sRGB, NULL)) return NULL;
    }
    if (!vips_image_hasalpha(coloured)) return coloured;
    VipsImage *flat = NULL;
    VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int failed = vips_flatten(coloured, &flat, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    g_object_unref(coloured);
    return failed ? NULL : flat;
}

/* Exactly `width` × `height` pixels (the caller keeps the aspect ratio, so nothing is distorted). */
static inline VipsImage *agora_vips_resize_to(VipsImage *in, int width, int height) {
    VipsImage *out = NULL;
    return vips_thumbnail_image(in, &out, width, "height", height, "size", VIPS_SIZE_FORCE, NULL) ? NULL : out;
}

/* Computes the image into memory once, so that what follows does not decode the file again. */
static inline VipsImage *agora_vips_in_memory(VipsImage *in) {
    return vips_image_copy_memory(in);
}

/* Drops every metadata item the image carries (EXIF, GPS, XMP, IPTC, colour profile, comments). Saving with
   `strip` is not enough: libvips 8.14 still writes EXIF into WebP. Only for an image the caller owns alone (one
   just computed into memory). */
static inline void agora_vips_forget_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int index = 0; fields[index]; index++) vips_image_remove(image, fields[index]);
    g_strfreev(fields);
}

/* Writes without any metadata (EXIF, GPS, XMP, IPTC, colour profile). */
static inline int agora_vips_save_jpeg(VipsImage *in, const char *path, int quality) {
    return vips_jpegsave(in, path, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
}

/* WebP into memory (free it with `agora_vips_free`); libvips 8.14 adds an EXIF chunk of its own even with `strip`,
   which the caller removes. */
static inline void *agora_vips_webp_bytes(VipsImage *in, int quality, size_t *length) {
    void *buffer = NULL;
    return vips_webpsave_buffer(in, &buffer, length, "Q", quality, "strip", TRUE, NULL) ? NULL : buffer;
}

static inline void agora_vips_free(void *buffer) {
    g_free(buffer);
}

static inline void agora_vips_release(VipsImage *image) {
    if (image) g_object_unref(image);
}
