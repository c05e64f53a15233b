"""Practice mode at build time: the question catalogue, answers marked for hiding, card data, the 复习 page.

Everything here is pure functions on strings and the question index; the build feature
kb/build/features/practice.py wires them into the build. The browser code lives in
overrides/assets/javascripts/practice/.
"""
