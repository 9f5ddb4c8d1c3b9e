# pyguard-corpus: verdict=block category=exec rules=PG202
# what: smuggles eval in as a default argument value so that the call site never names it
def transform(text, fn=eval):
    return fn(text)


print(transform("__import__('os').getcwd()"))
