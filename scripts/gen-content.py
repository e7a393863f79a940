#!/usr/bin/env python3
"""Large generated content for benchmarks and the content-index tests (issue 16).

    scripts/gen-content.py OUT_DIR [--lessons 1386] [--questions 19932] [--namespace gen]

writes OUT_DIR/Content/{ko,en}/<ns>/*.md, OUT_DIR/Quizzes/<ns>/*.yaml and
OUT_DIR/Content/glossary.yaml, made from the shipped lessons and quizzes as templates taken
round-robin (every topic, every question kind, both languages). Lesson i copies template
i % T as `<ns>/<template>-<NNNN>`; its quiz gets that template's questions with ids re-prefixed,
and questions are dealt out round-robin over the lessons until --questions is reached (a
template question used again on the same lesson gets a `-rN` suffix), so every id is unique.
The output passes `nettutor check OUT_DIR`. Deterministic: same arguments, same bytes.
Nothing here is committed data: run the script (the defaults are 66 copies of the 21 shipped
lessons and their 302 questions).
"""
import argparse
import os
import re
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def split_quiz(text):
    """The `lesson:` value and the questions as text chunks (each starting at `  - id:`)."""
    lines = text.split("\n")
    lesson = next(l.split(":", 1)[1].strip() for l in lines if l.startswith("lesson:"))
    starts = [i for i, l in enumerate(lines) if l.startswith("  - id: ")]
    chunks = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        chunk = "\n".join(lines[s:e]).rstrip("\n")
        chunks.append(chunk)
    return lesson, chunks


def retitle(front, copy):
    """`title:` gets ` (copy)` so lists show distinct rows; quoting kept as it was."""
    def sub(m):
        value = m.group(1)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            return f"title: {value[:-1]} ({copy}){value[-1]}"
        return f"title: {value} ({copy})"
    return re.sub(r"^title: (.*)$", sub, front, count=1, flags=re.M)


def lesson_copy(text, template, new_id, copy):
    assert text.startswith("---\n"), template
    end = text.index("\n---\n", 4)
    front, body = text[4:end], text[end:]
    front = re.sub(r"^id: .*$", f"id: {new_id}", front, count=1, flags=re.M)
    return "---\n" + retitle(front, copy) + body


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("--lessons", type=int, default=1386, help="lessons per language (default 1386)")
    p.add_argument("--questions", type=int, default=19932, help="questions in all (default 19932)")
    p.add_argument("--namespace", default="gen", help="namespace folder of the ids ('' for none; default gen)")
    p.add_argument("--source", default=REPO, help="folder holding the template Content/ and Quizzes/")
    a = p.parse_args()
    if a.lessons < 1 or a.questions < 0:
        sys.exit("--lessons must be at least 1 and --questions at least 0")

    src = a.source
    templates = sorted(f[:-3] for f in os.listdir(os.path.join(src, "Content/en")) if f.endswith(".md"))
    bodies = {(lang, t): read(os.path.join(src, f"Content/{lang}/{t}.md")) for lang in ("ko", "en") for t in templates}
    quizzes = {}
    for t in templates:
        path = os.path.join(src, f"Quizzes/{t}.yaml")
        if os.path.exists(path):
            lesson, chunks = split_quiz(read(path))
            assert lesson == t, path
            quizzes[t] = chunks
    if not any(quizzes.values()) and a.questions:
        sys.exit("the templates have no questions")

    ns = a.namespace.strip("/")
    prefix = ns + "/" if ns else ""
    out = a.out
    for sub in ["Content/ko", "Content/en", "Quizzes"]:
        d = os.path.join(out, sub, ns) if ns else os.path.join(out, sub)
        if os.path.isdir(d):
            shutil.rmtree(d)  # a re-run with fewer lessons must not leave old files behind
        os.makedirs(d)

    ids = []
    for i in range(a.lessons):
        t = templates[i % len(templates)]
        copy = i // len(templates) + 1
        ids.append((f"{prefix}{t}-{copy:04d}", t, copy))
        for lang in ("ko", "en"):
            with open(os.path.join(out, f"Content/{lang}/{ids[-1][0]}.md"), "w", encoding="utf-8") as f:
                f.write(lesson_copy(bodies[(lang, t)], t, ids[-1][0], copy))

    # Deal questions round-robin over the lessons (only those whose template has questions),
    # each lesson walking its template's questions in order, wrapping with a -rN suffix.
    with_questions = [x for x in ids if quizzes.get(x[1])]
    per_lesson = {x[0]: [] for x in with_questions}
    dealt = {x[0]: 0 for x in with_questions}
    for n in range(a.questions):
        lid, t, _ = with_questions[n % len(with_questions)]
        k = dealt[lid]; dealt[lid] += 1
        chunks = quizzes[t]
        chunk, rnd = chunks[k % len(chunks)], k // len(chunks)
        m = re.match(r"  - id: (\S+)", chunk)
        old = m.group(1)
        assert old.startswith(t + "/"), old
        new = lid + old[len(t):] + (f"-r{rnd + 1}" if rnd else "")
        per_lesson[lid].append(f"  - id: {new}" + chunk[m.end():])
    for lid, qs in per_lesson.items():
        if not qs:
            continue
        with open(os.path.join(out, f"Quizzes/{lid}.yaml"), "w", encoding="utf-8") as f:
            f.write(f"lesson: {lid}\nquestions:\n" + "\n\n".join(qs) + "\n")

    shutil.copyfile(os.path.join(src, "Content/glossary.yaml"), os.path.join(out, "Content/glossary.yaml"))
    print(f"{out}: {a.lessons} lessons x 2 languages, {a.questions} questions in {sum(1 for q in per_lesson.values() if q)} quiz files")


if __name__ == "__main__":
    main()
