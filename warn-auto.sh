#!/bin/sh
# WARNING: This file was auto-generated. Do not edit!
