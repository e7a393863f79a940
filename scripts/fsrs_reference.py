#!/usr/bin/env python3
"""Replays review histories with the reference FSRS implementation (the `fsrs` package, 6.x)
and prints the card after every review, for nettutor's cross-check test.

stdin:  [{"start": T0, "reviews": [[rating, t], ...]}, ...]   (t: seconds since the epoch, UTC)
stdout: [[{"state", "step", "stability", "difficulty", "due", "last_review", "retrievability"}, ...], ...]
"""
import json
import sys
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler

scheduler = Scheduler(enable_fuzzing=False)
out = []
for history in json.load(sys.stdin):
    card = Card(card_id=1, due=datetime.fromtimestamp(history["start"], timezone.utc))
    cards = []
    for rating, t in history["reviews"]:
        when = datetime.fromtimestamp(t, timezone.utc)
        before = scheduler.get_card_retrievability(card, when)
        card, _ = scheduler.review_card(card, Rating(rating), when)
        cards.append({
            "state": int(card.state), "step": card.step, "stability": card.stability, "difficulty": card.difficulty,
            "due": card.due.timestamp(), "last_review": card.last_review.timestamp(), "retrievability": before,
        })
    out.append(cards)
json.dump(out, sys.stdout)
