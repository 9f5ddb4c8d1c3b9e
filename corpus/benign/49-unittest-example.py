# pyguard-corpus: verdict=allow
# what: a small unittest test case run programmatically
import unittest


def slugify(title: str) -> str:
    return "-".join(part for part in "".join(c.lower() if c.isalnum() else " " for c in title).split())


class SlugifyTests(unittest.TestCase):
    def test_spaces(self) -> None:
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_punctuation(self) -> None:
        self.assertEqual(slugify("Rock & Roll!"), "rock-roll")


if __name__ == "__main__":
    unittest.main(argv=["slugify-tests"], exit=False)
