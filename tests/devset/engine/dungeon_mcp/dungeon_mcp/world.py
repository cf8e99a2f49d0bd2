"""World model and rules; no MCP here."""

from __future__ import annotations

from dataclasses import dataclass, field

DIRECTIONS = ("north", "south", "east", "west", "up", "down")


class GameError(Exception):
    """A move the rules do not allow; shown to the player."""


@dataclass
class Room:
    id: str
    title: str
    description: str
    exits: dict[str, str] = field(default_factory=dict)
    items: list[str] = field(default_factory=list)
    dark: bool = False


@dataclass
class Player:
    name: str
    room: str
    inventory: list[str] = field(default_factory=list)
    moves: int = 0


@dataclass
class World:
    rooms: dict[str, Room]
    start: str
    players: dict[str, Player] = field(default_factory=dict)

    def room(self, room_id: str) -> Room:
        try:
            return self.rooms[room_id]
        except KeyError:
            raise GameError(f"there is no room called {room_id!r}") from None

    def player(self, name: str) -> Player:
        if name not in self.players:
            raise GameError(f"{name} has not joined the game")
        return self.players[name]

    def join(self, name: str) -> Player:
        return self.players.setdefault(name, Player(name=name, room=self.start))

    def occupants(self, room_id: str) -> list[str]:
        return sorted(p.name for p in self.players.values() if p.room == room_id)

    def move(self, name: str, direction: str) -> tuple[str, str]:
        if direction not in DIRECTIONS:
            raise GameError(f"unknown direction {direction!r}")
        player = self.player(name)
        here = self.room(player.room)
        target = here.exits.get(direction)
        if target is None:
            raise GameError(f"you cannot go {direction} from the {here.title.lower()}")
        if self.rooms[target].dark and "lantern" not in player.inventory:
            raise GameError("it is pitch black that way; you need a light")
        player.room = target
        player.moves += 1
        return here.id, target

    def take(self, name: str, item: str) -> Room:
        player = self.player(name)
        room = self.room(player.room)
        if item not in room.items:
            raise GameError(f"there is no {item} here")
        room.items.remove(item)
        player.inventory.append(item)
        return room


def default_world() -> World:
    rooms = [
        Room("hall", "Great Hall", "A draughty hall with a long oak table.", {"north": "library", "down": "cellar"}, ["lantern"]),
        Room("library", "Library", "Shelves of mouldy books. A ladder leads up.", {"south": "hall", "up": "tower"}, ["map"]),
        Room("tower", "Tower", "Wind howls through the arrow slits.", {"down": "library"}, ["telescope"]),
        Room("cellar", "Cellar", "Barrels, cobwebs and a faint smell of wine.", {"up": "hall", "east": "crypt"}, ["wine"]),
        Room("crypt", "Crypt", "Stone coffins line the walls.", {"west": "cellar"}, ["crown"], dark=True),
    ]
    return World(rooms={r.id: r for r in rooms}, start="hall")
