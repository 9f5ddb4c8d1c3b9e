# pyguard-corpus: verdict=allow
# what: decodes a JSON document with json.loads and validates its shape by hand
import json

document = '{"orders": [{"id": 1, "total": 19.99}, {"id": 2, "total": 5.0}], "currency": "EUR"}'
data = json.loads(document)

if not isinstance(data.get("orders"), list):
    raise ValueError("orders must be a list")

grand_total = sum(order["total"] for order in data["orders"])
print(f"{len(data['orders'])} orders, {grand_total:.2f} {data['currency']}")
print(json.dumps(data, indent=2))
