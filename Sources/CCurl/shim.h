// libcurl for Swift, opened at run time: only `journey --live` needs it, so start-up does not
// load libcurl and its chain (GnuTLS, Kerberos, LDAP, SSH, ...). The headers give the types and
// constants; `nt_curl_load` finds the functions with dlopen. curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift cannot call, so each type of argument gets a
// small fixed-signature wrapper that calls through the loaded pointer.
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>

typedef size_t (*nt_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*nt_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *c);
    CURLcode (*easy_perform)(CURL *c);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *c, CURLoption o, ...);
    CURLcode (*easy_getinfo)(CURL *c, CURLINFO i, ...);
} nt_curl;

/// Fills `api` from libcurl.so.4: NULL when every function was found, else why not (dlerror's
/// message, which names the missing file or symbol).
static inline const char *nt_curl_load(nt_curl *api) {
    void *h = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!h) return dlerror();
#define NT_SYM(field, name) if (!(*(void **)&api->field = dlsym(h, name))) return dlerror();
    NT_SYM(global_init, "curl_global_init")
    NT_SYM(easy_init, "curl_easy_init")
    NT_SYM(easy_cleanup, "curl_easy_cleanup")
    NT_SYM(easy_perform, "curl_easy_perform")
    NT_SYM(easy_strerror, "curl_easy_strerror")
    NT_SYM(easy_setopt, "curl_easy_setopt")
    NT_SYM(easy_getinfo, "curl_easy_getinfo")
#undef NT_SYM
    return NULL;
}

static inline CURLcode nt_setopt_long(nt_curl a, CURL *c, CURLoption o, long v) { return a.easy_setopt(c, o, v); }
static inline CURLcode nt_setopt_string(nt_curl a, CURL *c, CURLoption o, const char *v) { return a.easy_setopt(c, o, v); }
static inline CURLcode nt_setopt_pointer(nt_curl a, CURL *c, CURLoption o, void *v) { return a.easy_setopt(c, o, v); }
static inline CURLcode nt_setopt_write(nt_curl a, CURL *c, nt_write_callback f) { return a.easy_setopt(c, CURLOPT_WRITEFUNCTION, f); }
static inline CURLcode nt_setopt_debug(nt_curl a, CURL *c, nt_debug_callback f) { return a.easy_setopt(c, CURLOPT_DEBUGFUNCTION, f); }
static inline CURLcode nt_getinfo_offset(nt_curl a, CURL *c, CURLINFO i, curl_off_t *v) { return a.easy_getinfo(c, i, v); }
static inline CURLcode nt_getinfo_long(nt_curl a, CURL *c, CURLINFO i, long *v) { return a.easy_getinfo(c, i, v); }
static inline CURLcode nt_getinfo_string(nt_curl a, CURL *c, CURLINFO i, char **v) { return a.easy_getinfo(c, i, v); }
