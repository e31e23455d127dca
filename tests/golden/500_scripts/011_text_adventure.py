"""A text-adventure state machine: rooms, items, a parser and a scripted list of commands."""


class GameOver(Exception):
    pass


class Room:
    def __init__(self, name, description, locked=False):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []
        self.locked = locked

    def connect(self, direction, other, back=None):
        self.exits[direction] = other
        if back:
            other.exits[back] = self

    def describe(self):
        text = f"{self.name}: {self.description}"
        if self.items:
            text += " You see: " + ", ".join(sorted(self.items)) + "."
        exits = ", ".join(sorted(self.exits))
        return text + f" Exits: {exits}."


class Player:
    def __init__(self, room):
        self.room = room
        self.inventory = []
        self.moves = 0
        self.state = "exploring"


class Game:
    OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}

    def __init__(self):
        hall = Room("Hall", "A dusty hall.")
        kitchen = Room("Kitchen", "Smells of old soup.")
        cellar = Room("Cellar", "Dark and damp.", locked=True)
        garden = Room("Garden", "Overgrown roses.")
        hall.connect("north", kitchen, "south")
        kitchen.connect("east", cellar, "west")
        hall.connect("west", garden, "east")
        kitchen.items.append("key")
        garden.items += ["shovel", "rose"]
        cellar.items.append("treasure")
        self.player = Player(hall)
        self.handlers = {
            "look": self.look, "go": self.go, "take": self.take, "drop": self.drop,
            "inventory": self.show_inventory, "unlock": self.unlock, "quit": self.quit,
        }

    def look(self, *args):
        return self.player.room.describe()

    def go(self, direction=None):
        if direction is None:
            return "Go where?"
        room = self.player.room.exits.get(direction)
        if room is None:
            return f"You can't go {direction}."
        if room.locked:
            return f"The {room.name.lower()} door is locked."
        self.player.room = room
        self.player.moves += 1
        return self.look()

    def take(self, item=None):
        room = self.player.room
        if item not in room.items:
            return f"There is no {item} here."
        room.items.remove(item)
        self.player.inventory.append(item)
        if item == "treasure":
            self.player.state = "won"
            raise GameOver("You found the treasure!")
        return f"Taken: {item}."

    def drop(self, item=None):
        if item not in self.player.inventory:
            return f"You don't have {item}."
        self.player.inventory.remove(item)
        self.player.room.items.append(item)
        return f"Dropped: {item}."

    def show_inventory(self):
        inv = self.player.inventory
        return "You carry: " + (", ".join(inv) if inv else "nothing") + "."

    def unlock(self, direction=None):
        room = self.player.room.exits.get(direction)
        if room is None or not room.locked:
            return "Nothing to unlock there."
        if "key" not in self.player.inventory:
            return "You need a key."
        room.locked = False
        return f"You unlock the {room.name.lower()}."

    def quit(self):
        self.player.state = "quit"
        raise GameOver("Bye.")

    def execute(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, *args = words
        handler = self.handlers.get(verb)
        if handler is None:
            return f"I don't know how to '{verb}'."
        try:
            return handler(*args)
        except TypeError:
            return f"'{verb}' takes a different number of words."


script = ["look", "go north", "take key", "take spoon", "go east", "unlock east",
          "inventory", "dance", "", "go", "take key now please", "drop key", "take key",
          "go east", "look", "go west", "go west", "go south", "go west", "take rose",
          "go east", "go north", "go east", "take treasure", "look"]
game = Game()
for line in script:
    print(">", line)
    try:
        print(game.execute(line))
    except GameOver as end:
        print("***", end, "***")
        break
p = game.player
print(p.state, p.moves, p.inventory, p.room.name)
