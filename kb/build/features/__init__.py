"""The site's features, one module each; kb/build/order.py lists them in the order they run."""
