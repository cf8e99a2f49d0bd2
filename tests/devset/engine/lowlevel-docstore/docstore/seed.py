"""Demo content used by ``--seed`` and by the test-suite."""

from __future__ import annotations

from docstore.storage import DocumentStore

# 1x1 transparent PNG
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)

HANDBOOK = {
    "onboarding.md": ("Onboarding guide", "# Onboarding\n\nRead the security policy, then set up your laptop."),
    "security.md": ("Security policy", "# Security policy\n\nRotate credentials every ninety days."),
    "travel.md": ("Travel policy", "# Travel\n\nBook through the portal; economy class for short flights."),
}


def seed_store(store: DocumentStore) -> DocumentStore:
    for doc_id, (title, body) in HANDBOOK.items():
        store.put("handbook", doc_id, body, title=title, tags=["pinned"] if doc_id == "onboarding.md" else None)
    for week in range(1, 5):
        body = f"Weekly sync {week}: discussed roadmap, security review and hiring."
        store.put("notes", f"weekly-{week:02d}.txt", body, title=f"Weekly sync #{week}", tags=["meeting"])
    store.put("assets", "pixel.png", PIXEL_PNG, title="Tracking pixel", mime_type="image/png")
    return store
