# pyguard-corpus: verdict=block category=import rules=PG101,PG206
# what: installs a package at run time through pip's internal API; the name is a typosquat of "requests"
import pip

pip.main(["install", "--quiet", "reqeusts"])
import reqeusts  # noqa: E402

print(reqeusts.get("https://example.com").status_code)
