// Forwarders to the system ICU. ICU's C API names are macros that expand to
// version-suffixed symbols (unorm2_normalize -> unorm2_normalize_72); Swift does
// not import such macros, so each function used by ICUKit is wrapped here in a
// static inline function whose body calls the plain name. The macro expands in
// C, the binary stays portable across ICU majors, and the call inlines away.
#ifndef DOCNORM_CICU_SHIM_H
#define DOCNORM_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>
#include <unicode/ustring.h>

// Normalization
static inline const UNormalizer2 *cicu_unorm2_getNFKCInstance(UErrorCode *e) { return unorm2_getNFKCInstance(e); }
static inline UNormalizer2 *cicu_unorm2_openFiltered(const UNormalizer2 *n, const USet *f, UErrorCode *e) { return unorm2_openFiltered(n, f, e); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *n, const UChar *src, int32_t len, UChar *dest, int32_t cap, UErrorCode *e) { return unorm2_normalize(n, src, len, dest, cap, e); }
static inline int32_t cicu_unorm2_spanQuickCheckYes(const UNormalizer2 *n, const UChar *s, int32_t len, UErrorCode *e) { return unorm2_spanQuickCheckYes(n, s, len, e); }
static inline void cicu_unorm2_close(UNormalizer2 *n) { unorm2_close(n); }

// UTF-8 <-> UTF-16 (the bare NFKC baseline of `docnorm bench`)
static inline UChar *cicu_u_strFromUTF8(UChar *dest, int32_t cap, int32_t *len, const char *src, int32_t srcLen, UErrorCode *e) { return u_strFromUTF8(dest, cap, len, src, srcLen, e); }
static inline char *cicu_u_strToUTF8(char *dest, int32_t cap, int32_t *len, const UChar *src, int32_t srcLen, UErrorCode *e) { return u_strToUTF8(dest, cap, len, src, srcLen, e); }

// Unicode sets
static inline USet *cicu_uset_openPattern(const UChar *p, int32_t len, UErrorCode *e) { return uset_openPattern(p, len, e); }
static inline void cicu_uset_close(USet *s) { uset_close(s); }
static inline void cicu_uset_freeze(USet *s) { uset_freeze(s); }
static inline UBool cicu_uset_contains(const USet *s, UChar32 c) { return uset_contains(s, c); }
static inline int32_t cicu_uset_getRangeCount(const USet *s) { return uset_getRangeCount(s); }
static inline int32_t cicu_uset_getItem(const USet *s, int32_t i, UChar32 *start, UChar32 *end, UChar *str, int32_t cap, UErrorCode *e) { return uset_getItem(s, i, start, end, str, cap, e); }
static inline USet *cicu_uset_cloneAsThawed(const USet *s) { return uset_cloneAsThawed(s); }
static inline void cicu_uset_complement(USet *s) { uset_complement(s); }

// Character properties
static inline int32_t cicu_u_getIntPropertyValue(UChar32 c, UProperty p) { return u_getIntPropertyValue(c, p); }
static inline void cicu_u_getVersion(UVersionInfo v) { u_getVersion(v); }

// Charset detection
static inline UCharsetDetector *cicu_ucsdet_open(UErrorCode *e) { return ucsdet_open(e); }
static inline void cicu_ucsdet_close(UCharsetDetector *d) { ucsdet_close(d); }
static inline void cicu_ucsdet_setText(UCharsetDetector *d, const char *t, int32_t len, UErrorCode *e) { ucsdet_setText(d, t, len, e); }
static inline const UCharsetMatch *cicu_ucsdet_detect(UCharsetDetector *d, UErrorCode *e) { return ucsdet_detect(d, e); }
static inline const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *found, UErrorCode *e) { return ucsdet_detectAll(d, found, e); }
static inline const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *e) { return ucsdet_getName(m, e); }
static inline int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *e) { return ucsdet_getConfidence(m, e); }

// Conversion
static inline UConverter *cicu_ucnv_open(const char *name, UErrorCode *e) { return ucnv_open(name, e); }
static inline void cicu_ucnv_close(UConverter *c) { ucnv_close(c); }
static inline const char *cicu_ucnv_getName(const UConverter *c, UErrorCode *e) { return ucnv_getName(c, e); }
static inline void cicu_ucnv_setToUCallBackStop(UConverter *c, UErrorCode *e) {
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, e);
}
static inline void cicu_ucnv_toUnicode(UConverter *c, UChar **target, const UChar *targetLimit,
                                       const char **source, const char *sourceLimit, UBool flush, UErrorCode *e) {
    ucnv_toUnicode(c, target, targetLimit, source, sourceLimit, NULL, flush, e);
}
static inline void cicu_ucnv_getInvalidChars(const UConverter *c, char *buf, int8_t *len, UErrorCode *e) { ucnv_getInvalidChars(c, buf, len, e); }

#endif
