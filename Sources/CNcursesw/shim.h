#ifndef NETTUTOR_CNCURSESW_SHIM_H
#define NETTUTOR_CNCURSESW_SHIM_H
// Wide-character ncurses: these must be defined before <ncurses.h> so cchar_t,
// setcchar, mvadd_wch and get_wch are declared.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects the mutable global `stdscr` and cannot import the A_* macros
// (they expand to shifts), so expose them as functions and constants.
static inline WINDOW *nt_stdscr(void) { return stdscr; }
static inline int nt_lines(void) { return LINES; }
static inline int nt_cols(void) { return COLS; }
static inline int nt_colors(void) { return COLORS; }
static inline int nt_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t nt_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline void nt_set_escdelay(int ms) { set_escdelay(ms); }

static const attr_t NT_A_NORMAL = A_NORMAL;
static const attr_t NT_A_BOLD = A_BOLD;
static const attr_t NT_A_DIM = A_DIM;
static const attr_t NT_A_UNDERLINE = A_UNDERLINE;
static const attr_t NT_A_REVERSE = A_REVERSE;
static const int NT_KEY_CODE_YES = KEY_CODE_YES;
static const int NT_OK = OK;
static const int NT_ERR = ERR;
// Mouse masks are macro shifts too.
static const mmask_t NT_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NT_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t NT_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t NT_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t NT_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const int NT_KEY_MOUSE = KEY_MOUSE;
#endif
