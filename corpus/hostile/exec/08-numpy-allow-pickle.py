# pyguard-corpus: verdict=block category=exec rules=PG203
# what: loads an .npy file received from elsewhere with allow_pickle=True, enabling pickle code execution
import numpy as np

arrays = np.load("downloaded/weights.npy", allow_pickle=True)
print(arrays.shape)
