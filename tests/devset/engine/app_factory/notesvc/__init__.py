from notesvc.app import create_app
from notesvc.config import AppConfig
from notesvc.context import AppContext, NoteContext
from notesvc.store import Note, NoteStore

__all__ = ["AppConfig", "AppContext", "Note", "NoteContext", "NoteStore", "create_app"]
