# pyguard-corpus: verdict=allow
# what: size limits and moduli written as powers, and modular exponentiation with a huge exponent (cheap with pow's third argument)
MAX_UPLOAD_BYTES = 10 * 1024**2
UINT64_MAX = 2**64 - 1
MOD = 10**9 + 7

print(MAX_UPLOAD_BYTES, UINT64_MAX)
print(pow(3, 10**18, MOD))
print(sum(pow(k, 2, MOD) for k in range(1, 1001)) % MOD)
print(f"{1e21:.3e}", 10**100 % 97)
