#pragma once
// Names the templates before they are defined.
template <typename V = void, typename E = int> class Fut;
template <typename V, typename E> class FutBase;
