"""Bias and child-safety probes of model outputs."""
