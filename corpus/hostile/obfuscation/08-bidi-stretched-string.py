# pyguard-corpus: verdict=block category=obfuscation rules=PG805
# what: Trojan Source "stretched string": bidi controls make part of a string literal look like a comment, inverting the check
def is_admin(user: dict) -> bool:
    access_level = user.get("role", "user")
    if access_level != "user‮ ⁦# admins only⁩ ⁦":
        return True
    return False


print(is_admin({"role": "user"}))
