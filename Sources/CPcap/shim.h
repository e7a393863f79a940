// libpcap for Swift, opened at run time: only `nettutor trace` and `cwnd --real` need it, and
// Debian's libpcap.so pulls in D-Bus, systemd and libgcrypt, which every other command would pay
// for at start-up. The header gives the types; `nt_pcap_load` finds the functions with dlopen.
#include <pcap/pcap.h>
#include <dlfcn.h>
#include <stddef.h>

// unshare(2) is declared by <sched.h> only under _GNU_SOURCE, which would change glibc's own
// types (fd_set) against the Glibc module Swift already has; so the call and its two flags
// (linux/sched.h) are declared here.
extern int unshare(int flags);
#define NT_CLONE_NEWUSER 0x10000000
#define NT_CLONE_NEWNET 0x40000000

/// A new network namespace for the calling thread (and, with `user`, a user namespace too).
static inline int nt_unshare_net(int user) { return unshare(NT_CLONE_NEWNET | (user ? NT_CLONE_NEWUSER : 0)); }

typedef struct {
    pcap_t *(*open_offline)(const char *fname, char *errbuf);
    pcap_t *(*create)(const char *source, char *errbuf);
    int (*set_snaplen)(pcap_t *p, int snaplen);
    int (*set_timeout)(pcap_t *p, int ms);
    int (*set_immediate_mode)(pcap_t *p, int on);
    int (*activate)(pcap_t *p);
    int (*next_ex)(pcap_t *p, struct pcap_pkthdr **header, const u_char **data);
    int (*datalink)(pcap_t *p);
    int (*snapshot)(pcap_t *p);
    char *(*geterr)(pcap_t *p);
    const char *(*statustostr)(int status);
    int (*compile)(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);
    int (*setfilter)(pcap_t *p, struct bpf_program *fp);
    void (*freecode)(struct bpf_program *fp);
    void (*breakloop)(pcap_t *p);
    void (*close)(pcap_t *p);
} nt_pcap;

/// Fills `api` from libpcap (Debian's soname first, then upstream's): NULL when every function
/// was found, else why not (dlerror's message, which names the missing file or symbol).
static inline const char *nt_pcap_load(nt_pcap *api) {
    void *h = dlopen("libpcap.so.0.8", RTLD_NOW | RTLD_LOCAL);
    if (!h) h = dlopen("libpcap.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) return dlerror();
#define NT_SYM(field, name) if (!(*(void **)&api->field = dlsym(h, name))) return dlerror();
    NT_SYM(open_offline, "pcap_open_offline")
    NT_SYM(create, "pcap_create")
    NT_SYM(set_snaplen, "pcap_set_snaplen")
    NT_SYM(set_timeout, "pcap_set_timeout")
    NT_SYM(set_immediate_mode, "pcap_set_immediate_mode")
    NT_SYM(activate, "pcap_activate")
    NT_SYM(next_ex, "pcap_next_ex")
    NT_SYM(datalink, "pcap_datalink")
    NT_SYM(snapshot, "pcap_snapshot")
    NT_SYM(geterr, "pcap_geterr")
    NT_SYM(statustostr, "pcap_statustostr")
    NT_SYM(compile, "pcap_compile")
    NT_SYM(setfilter, "pcap_setfilter")
    NT_SYM(freecode, "pcap_freecode")
    NT_SYM(breakloop, "pcap_breakloop")
    NT_SYM(close, "pcap_close")
#undef NT_SYM
    return NULL;
}
