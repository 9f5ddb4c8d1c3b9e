# pyguard-corpus: verdict=block category=obfuscation rules=PG805
# what: Trojan Source early return: bidi isolates make "return True" look like part of the docstring
def check_token(token: str) -> bool:
    """ Verify the signature ⁧ ⁦""" ; return True ; """⁩ ⁦ """
    return token == "expected-signature"


print(check_token("forged"))
