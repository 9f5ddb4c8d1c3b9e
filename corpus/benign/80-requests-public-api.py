# pyguard-corpus: verdict=review
# what: fetches exchange rates from a public HTTP API with requests; no local data is sent, but the agent policy has a human confirm network use
import requests

response = requests.get("https://api.frankfurter.app/latest", params={"from": "EUR", "to": "USD,GBP"}, timeout=10)
response.raise_for_status()
rates = response.json()["rates"]
for currency, rate in sorted(rates.items()):
    print(f"1 EUR = {rate} {currency}")
